using Microsoft.DotNet.Interactive.Documents;

namespace StockAgent.Notebooks;

/// <summary>The outcome of a run: the executed notebook (every cell's outputs up to and including the first failure),
/// the plain text each executed code cell showed (keyed by its 1-based cell number), and the failure if any.</summary>
public sealed record NotebookRunResult(
    string NotebookPath, InteractiveDocument Executed, IReadOnlyList<KeyValuePair<int, string>> Text, CellFailure? Failure, TimeSpan Elapsed)
{
    public bool Succeeded => Failure is null;
}
