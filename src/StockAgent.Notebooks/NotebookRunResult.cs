namespace StockAgent.Notebooks;

/// <summary>The outcome of a run: every output in cell order, and the first failing cell if any.</summary>
public sealed record NotebookRunResult(string NotebookPath, IReadOnlyList<CellOutput> Outputs, int? FailedCell, string? Error, TimeSpan Elapsed)
{
    public bool Succeeded => FailedCell is null;
}
