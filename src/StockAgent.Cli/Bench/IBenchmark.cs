namespace StockAgent.Cli.Bench;

/// <summary>One hot path to time: Run does the work once and returns how many units (bars, decisions, trajectories) it processed.</summary>
public interface IBenchmark
{
    string Name { get; }

    /// <summary>What one unit is, e.g. "bars".</summary>
    string Unit { get; }

    long Run();

    /// <summary>A measured fact to print after the timing (e.g. a file size), or null.</summary>
    string? Note => null;

    /// <summary>At most this many measured runs (an end-to-end benchmark of many seconds), or null for the runner's count.</summary>
    int? MaxRepeats => null;
}
