namespace StockAgent.Market;

/// <summary>One finding of the market-data validation, located by file, line (1-based, header is line 1) and date.</summary>
public sealed record ValidationIssue(ValidationSeverity Severity, string File, int? Line, DateOnly? Date, string Message)
{
    public override string ToString()
    {
        var where = Line is { } l ? $"{File}:{l}" : File;
        var when = Date is { } d ? $" ({d:yyyy-MM-dd})" : "";
        return $"{(Severity == ValidationSeverity.Error ? "error" : "warning")}: {where}{when}: {Message}";
    }
}
