using System.Globalization;

namespace StockAgent.Market;

/// <summary>One finding of the market-data validation, located by file, line (1-based, header is line 1) and date.</summary>
public sealed record ValidationIssue(ValidationSeverity Severity, string File, int? Line, DateOnly? Date, string Message)
{
    /// <summary>Where the issue is: <c>FILE:LINE (yyyy-MM-dd)</c>, leaving out what is not known.</summary>
    public string Location
    {
        get
        {
            var where = Line is { } l ? string.Create(CultureInfo.InvariantCulture, $"{File}:{l}") : File;
            return Date is { } d ? $"{where} ({d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : where;
        }
    }

    public override string ToString() => $"{(Severity == ValidationSeverity.Error ? "error" : "warning")}: {Location}: {Message}";
}
