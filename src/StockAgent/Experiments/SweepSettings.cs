namespace StockAgent.Experiments;

/// <summary>Where a sweep writes (its folder: sweep.json, runs/, experiments.db, validation/ and test/), how its chosen
/// configuration is scored (bootstrap resamples and seed), and the command line recorded for reproduction.</summary>
public sealed record SweepSettings
{
    public required string Directory { get; init; }
    public int Resamples { get; init; } = 10_000;
    public int EvaluationSeed { get; init; } = 7;
    public string Command { get; init; } = "";
}
