namespace StockAgent.Market;

/// <summary>A loaded folder: the market made of every valid file, and one report per file (plus folder-level issues).</summary>
public sealed record MarketLoadResult(MarketData Data, IReadOnlyList<CsvFileReport> Files, IReadOnlyList<ValidationIssue> FolderIssues)
{
    public IEnumerable<ValidationIssue> AllIssues => FolderIssues.Concat(Files.SelectMany(f => f.Issues));
    public int Errors => AllIssues.Count(i => i.Severity == ValidationSeverity.Error);
    public int Warnings => AllIssues.Count(i => i.Severity == ValidationSeverity.Warning);
}
