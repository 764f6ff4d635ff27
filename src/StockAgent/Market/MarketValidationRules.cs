namespace StockAgent.Market;

/// <summary>
/// Thresholds of the market-data checks. <see cref="PriceTolerance"/> is relative: open or close may lie
/// outside [low, high] by at most that fraction of the price before it is an error (vendors round
/// differently). A gap warning is raised when two consecutive bars are more than
/// <see cref="MaxCalendarGapDays"/> calendar days apart (a long weekend spans 4). A move warning is raised
/// when the adjusted close changes by more than <see cref="MaxDailyMove"/> (as a fraction) in one day.
/// </summary>
public sealed record MarketValidationRules
{
    public double PriceTolerance { get; init; } = 1e-6;
    public int MaxCalendarGapDays { get; init; } = 4;
    public double MaxDailyMove { get; init; } = 0.5;

    public static MarketValidationRules Default { get; } = new();
}
