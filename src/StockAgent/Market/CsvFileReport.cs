namespace StockAgent.Market;

/// <summary>What loading one CSV file found: its format, bars, date range and issues. <see cref="Series"/>
/// is null when the file has errors (it is then left out of the market).</summary>
public sealed record CsvFileReport(string File, string Symbol, CsvFormat? Format, PriceSeries? Series, IReadOnlyList<ValidationIssue> Issues)
{
    public int Errors => Issues.Count(i => i.Severity == ValidationSeverity.Error);
    public int Warnings => Issues.Count(i => i.Severity == ValidationSeverity.Warning);
    public int Bars => Series?.Count ?? 0;
}
