namespace StockAgent.Training;

/// <summary>Behaviour-cloning settings: label horizon and risk aversion (<see cref="HindsightLabels"/>), or a teacher
/// strategy's actions instead; optimisation (Adam, cross-entropy), the network's shape and its LoRA adapters
/// (created now, trained later by RL).</summary>
public sealed record SftOptions
{
    public int Horizon { get; init; } = 5;
    public double RiskAversion { get; init; } = 2;
    public string? Teacher { get; init; }
    public int Epochs { get; init; } = 8;
    public int BatchSize { get; init; } = 256;
    public double LearningRate { get; init; } = 1e-3;
    public IReadOnlyList<int> Hidden { get; init; } = [64, 64];

    /// <summary>"mlp" or "gru" (see <see cref="Agents.PolicyNetworkSpec"/>).</summary>
    public string Architecture { get; init; } = Agents.PolicyNetworkSpec.Mlp;

    /// <summary>Observations per input for the GRU (1 for the MLP).</summary>
    public int SequenceLength { get; init; } = 1;

    /// <summary>Where to train: "cpu", "cuda" or "cuda:N" (<see cref="Agents.TorchDevice"/>).</summary>
    public string Device { get; init; } = "cpu";
    public int LoraRank { get; init; } = 16;
    public double LoraAlpha { get; init; } = 32;
    public double LoraDropout { get; init; }
    public int WarmupBars { get; init; } = 60;
    public int Seed { get; init; } = 7;
}
