namespace StockAgent.Training;

/// <summary>How <see cref="RlRunLoop"/> paces a run: iterations, validation and checkpoint intervals, early-stopping patience.</summary>
public sealed record RlLoopOptions
{
    /// <summary>The algorithm's name in metric keys, model metadata and checkpoints (grpo, ppo).</summary>
    public required string Algorithm { get; init; }
    public int NumIterations { get; init; } = 20;
    public int ValidateEvery { get; init; } = 5;
    public int CheckpointEvery { get; init; } = 5;
    /// <summary>Validations without a new best validation Sharpe before the run stops.</summary>
    public int Patience { get; init; } = 3;

    public static RlLoopOptions From(RlConfig config) => new()
    {
        Algorithm = config.Algorithm, NumIterations = config.NumIterations, ValidateEvery = config.ValidateEvery,
        CheckpointEvery = config.CheckpointEvery, Patience = config.Patience,
    };
}
