namespace StockAgent.Market;

/// <summary>
/// How windows are labelled. Trend: the annualised drift of log closes over the window,
/// ln(close_end / close_start) x 252 / (bars - 1); bull above <see cref="Trend"/>, bear below -Trend,
/// sideways between. Volatility: annualised realised volatility, the sample standard deviation (n - 1)
/// of daily log returns x sqrt(252); high above <see cref="HighVolatility"/>. Defaults (20% drift,
/// 25% volatility) split a 60-day window of a typical large-cap stock roughly into thirds by trend and
/// halves by volatility.
/// </summary>
public sealed record RegimeThresholds
{
    public double Trend { get; init; } = 0.20;
    public double HighVolatility { get; init; } = 0.25;

    public static RegimeThresholds Default { get; } = new();
}
