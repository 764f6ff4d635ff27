namespace StockAgent.Market;

/// <summary>A loaded folder: the market made of every valid file, and one report per file (plus folder-level issues).</summary>
public sealed record MarketLoadResult(MarketData Data, IReadOnlyList<CsvFileReport> Files, IReadOnlyList<ValidationIssue> FolderIssues)
{
    public IEnumerable<ValidationIssue> AllIssues => FolderIssues.Concat(Files.SelectMany(f => f.Issues));
    public int Errors => AllIssues.Count(i => i.Severity == ValidationSeverity.Error);
    public int Warnings => AllIssues.Count(i => i.Severity == ValidationSeverity.Warning);

    /// <summary>Errors that keep the whole folder out (no CSV files, a universe.csv that cannot be read); they are
    /// among <see cref="FolderIssues"/> too. A market is built from the folder only when this is empty.</summary>
    public IReadOnlyList<ValidationIssue> Blocking { get; init; } = [];

    /// <summary>What <see cref="Data"/> leaves out and why, one line each: a file with errors (and its first error),
    /// a symbol universe.csv lists without a file, a benchmark whose file has errors.</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];
}
