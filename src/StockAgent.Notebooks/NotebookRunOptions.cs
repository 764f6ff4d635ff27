namespace StockAgent.Notebooks;

/// <summary>How to run a notebook: where to write the executed copy (none by default) and how long one cell may run.</summary>
public sealed record NotebookRunOptions
{
    public string? OutputPath { get; init; }

    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Called after each code cell with (cell number, code cells done, code cells in all, seconds it took).</summary>
    public Action<int, int, int, double>? Progress { get; init; }
}
