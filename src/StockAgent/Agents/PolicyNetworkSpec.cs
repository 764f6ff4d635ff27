namespace StockAgent.Agents;

/// <summary>Architecture of a <see cref="PolicyNetwork"/>: inputs, hidden layer sizes (tanh), number of actions,
/// whether it has a value head (PPO), and the LoRA adapters on every Linear layer (rank 0: none).</summary>
public sealed record PolicyNetworkSpec
{
    public int Inputs { get; init; }
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
        if (LoraDropout is < 0 or >= 1) throw new ArgumentException($"lora_dropout must be in [0, 1) (got {LoraDropout}).");
    }
}
