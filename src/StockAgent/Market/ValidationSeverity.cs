namespace StockAgent.Market;

/// <summary>Error: the file cannot be used as it is. Warning: the data is usable but worth a look.</summary>
public enum ValidationSeverity
{
    Error,
    Warning,
}
