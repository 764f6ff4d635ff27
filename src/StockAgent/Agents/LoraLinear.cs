using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StockAgent.Agents;

/// <summary>
/// A Linear layer with a low-rank adapter: y = W x + b + (alpha / r) x B A dropout(x), with A (r x in) initialised
/// small and random and B (out x r) at zero, so a fresh adapter changes nothing. With adapters switched off the
/// layer is exactly its base Linear (the reference policy). <see cref="Merge"/> folds the adapter into W.
/// Rank 0 means no adapter.
/// </summary>
public sealed class LoraLinear : nn.Module<Tensor, Tensor>
{
    private readonly Linear base_layer;
    private readonly Parameter? lora_a;
    private readonly Parameter? lora_b;
    private readonly Dropout? lora_dropout;
    private readonly double _scale;
    private readonly Scalar? _scaleScalar; // one native scalar, shared by threads that infer in parallel

    public LoraLinear(long inFeatures, long outFeatures, int rank = 0, double alpha = 16, double dropout = 0) : base(nameof(LoraLinear))
    {
        if (rank < 0) throw new ArgumentException($"lora rank must be non-negative (got {rank}).");
        base_layer = nn.Linear(inFeatures, outFeatures);
        Rank = rank;
        if (rank > 0)
        {
            lora_a = new Parameter(torch.randn(rank, inFeatures) * (1.0 / Math.Sqrt(inFeatures)));
            lora_b = new Parameter(torch.zeros(outFeatures, rank));
            lora_dropout = nn.Dropout(dropout);
            _scale = alpha / rank;
            _scaleScalar = _scale.ToScalar();
        }
        RegisterComponents();
    }

    public int Rank { get; }

    /// <summary>When false the layer computes its base Linear only.</summary>
    public bool AdaptersEnabled { get; set; } = true;

    public Linear Base => base_layer;

    public IEnumerable<Parameter> BaseParameters() => base_layer.parameters();

    public IEnumerable<Parameter> AdapterParameters() => lora_a is null ? [] : [lora_a, lora_b!];

    public override Tensor forward(Tensor x)
    {
        var y = base_layer.forward(x);
        if (!AdaptersEnabled || lora_a is null) return y;
        var h = lora_dropout!.forward(x).matmul(lora_a.t()).matmul(lora_b!.t());
        return y.add(h, _scaleScalar!);
    }

    /// <summary>Adds the adapter into the base weight and zeroes B, so the output is unchanged and the adapter is spent.</summary>
    public void Merge()
    {
        if (lora_a is null) return;
        using var _ = torch.no_grad();
        base_layer.weight!.add_(lora_b!.matmul(lora_a), _scaleScalar!);
        lora_b.zero_();
    }
}
