namespace StockAgent.Agents;

/// <summary>Architecture of a <see cref="PolicyNetwork"/>: inputs (values per observation), hidden layer sizes (tanh),
/// number of actions, whether it has a value head (PPO), the LoRA adapters on every Linear layer (rank 0: none), and the
/// trunk: an MLP over the current observation, or a GRU over the last <see cref="SequenceLength"/> observations.</summary>
public sealed record PolicyNetworkSpec
{
    public const string Mlp = "mlp";
    public const string Gru = "gru";

    public int Inputs { get; init; }

    /// <summary>"mlp" (default) or "gru".</summary>
    public string Architecture { get; init; } = Mlp;

    /// <summary>Observations the network sees per decision, oldest first (1 for the MLP).</summary>
    public int SequenceLength { get; init; } = 1;

    /// <summary>Values in one input row: <see cref="Inputs"/> x <see cref="SequenceLength"/>.</summary>
    public int RowWidth => Inputs * SequenceLength;
    public IReadOnlyList<int> Hidden { get; init; } = [64, 64];
    public int Actions { get; init; } = 3;
    public bool ValueHead { get; init; }
    public int LoraRank { get; init; }
    public double LoraAlpha { get; init; } = 32;
    public double LoraDropout { get; init; }

    public void Validate()
    {
        if (Inputs < 1) throw new ArgumentException($"the network needs at least one input (got {Inputs}).");
        if (Actions < 2) throw new ArgumentException($"the network needs at least two actions (got {Actions}).");
        if (Hidden.Any(h => h < 1)) throw new ArgumentException($"hidden sizes must be positive (got {string.Join(",", Hidden)}).");
        if (LoraRank < 0) throw new ArgumentException($"lora_rank must be non-negative (got {LoraRank}).");
        if (Architecture is not (Mlp or Gru)) throw new ArgumentException($"architecture must be {Mlp} or {Gru} (got '{Architecture}').");
        if (SequenceLength < 1 || (Architecture == Mlp && SequenceLength != 1))
            throw new ArgumentException($"sequence_length must be 1 for the MLP and at least 1 for the GRU (got {SequenceLength} for {Architecture}).");
        if (Architecture == Gru && Hidden.Count == 0) throw new ArgumentException("the GRU needs a hidden size: hidden: [64] or more layers.");
        if (LoraDropout is < 0 or >= 1) throw new ArgumentException($"lora_dropout must be in [0, 1) (got {LoraDropout}).");
    }
}
