namespace StockAgent.Notebooks;

/// <summary>How to run a notebook: an optional path for the executed copy and a per-cell time limit.</summary>
public sealed record NotebookRunOptions
{
    public string? OutputPath { get; init; }
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Called after each cell with (cell index, code cells done, code cells in all).</summary>
    public Action<int, int, int>? Progress { get; init; }
}
