using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StockAgent.Agents;

/// <summary>
/// The agent's network, from input rows [B, sequence x inputs] (the last <see cref="PolicyNetworkSpec.SequenceLength"/>
/// observations, oldest first) to action logits [B, actions], with an optional value head [B]. The trunk is an MLP (tanh)
/// or, for "gru", a Linear projection (tanh) of each observation, a one-layer GRU over the sequence whose last state feeds
/// any further hidden layers. Every Linear layer is a <see cref="LoraLinear"/>, so RL can train adapters on a frozen base
/// (the GRU's own weights are base weights too) and the reference policy is the same network with adapters off.
/// </summary>
public sealed class PolicyNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<LoraLinear> hidden_layers;
    private readonly LoraLinear policy_head;
    private readonly LoraLinear? value_head;
    private readonly GRU? gru;

    public PolicyNetwork(PolicyNetworkSpec spec) : base(nameof(PolicyNetwork))
    {
        spec.Validate();
        Spec = spec;
        var layers = new List<LoraLinear>();
        long width = spec.Inputs;
        foreach (var h in spec.Hidden)
        {
            layers.Add(new LoraLinear(width, h, spec.LoraRank, spec.LoraAlpha, spec.LoraDropout));
            if (spec.Architecture == PolicyNetworkSpec.Gru && gru is null) gru = nn.GRU(h, h, batchFirst: true);
            width = h;
        }
        hidden_layers = nn.ModuleList(layers.ToArray());
        policy_head = new LoraLinear(width, spec.Actions, spec.LoraRank, spec.LoraAlpha, spec.LoraDropout);
        value_head = spec.ValueHead ? new LoraLinear(width, 1, spec.LoraRank, spec.LoraAlpha, spec.LoraDropout) : null;
        RegisterComponents();
    }

    public PolicyNetworkSpec Spec { get; }

    private IEnumerable<LoraLinear> Layers => hidden_layers.Append(policy_head).Concat(value_head is null ? [] : [value_head]);

    /// <summary>Adapters on (the trained policy) or off (the reference policy: the base network exactly).</summary>
    public bool AdaptersEnabled
    {
        get => policy_head.AdaptersEnabled;
        set { foreach (var l in Layers) l.AdaptersEnabled = value; }
    }

    public IEnumerable<Parameter> BaseParameters() => Layers.SelectMany(l => l.BaseParameters()).Concat(gru?.parameters() ?? []);

    public IEnumerable<Parameter> AdapterParameters() => Layers.SelectMany(l => l.AdapterParameters());

    /// <summary>The value head's weights (base and adapter); empty without a value head. PPO trains them.</summary>
    public IEnumerable<Parameter> ValueHeadParameters() => value_head?.parameters() ?? [];

    /// <summary>Freezes (or unfreezes) the base weights; adapters stay trainable.</summary>
    public void FreezeBase(bool frozen = true)
    {
        foreach (var p in BaseParameters()) p.requires_grad = !frozen;
    }

    /// <summary>Folds every adapter into its base weights (for export); outputs are unchanged.</summary>
    public void MergeAdapters()
    {
        foreach (var l in Layers) l.Merge();
    }

    public override Tensor forward(Tensor x) => policy_head.forward(Trunk(x));

    /// <summary>Logits [B, actions] and state values [B] (the value head is required).</summary>
    public (Tensor Logits, Tensor Value) ForwardWithValue(Tensor x)
    {
        if (value_head is null) throw new InvalidOperationException("this network has no value head; build it with ValueHead = true (PPO).");
        var h = Trunk(x);
        return (policy_head.forward(h), value_head.forward(h).squeeze(-1));
    }

    private Tensor Trunk(Tensor x)
    {
        if (gru is null)
        {
            var h = x;
            foreach (var layer in hidden_layers) h = layer.forward(h).tanh();
            return h;
        }
        var steps = x.reshape(x.shape[0], Spec.SequenceLength, Spec.Inputs);
        var projected = hidden_layers[0].forward(steps).tanh();
        var (output, _) = gru.call(projected, null);
        var last = output.select(1, Spec.SequenceLength - 1);
        foreach (var layer in hidden_layers.Skip(1)) last = layer.forward(last).tanh();
        return last;
    }
}
