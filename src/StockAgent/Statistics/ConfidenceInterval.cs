namespace StockAgent.Statistics;

/// <summary>A two-sided interval [Low, High]; NaN bounds when it cannot be computed.</summary>
public readonly record struct ConfidenceInterval(double Low, double High)
{
    public static ConfidenceInterval None { get; } = new(double.NaN, double.NaN);

    public bool Contains(double x) => x >= Low && x <= High;
}
