namespace StockAgent.Statistics;

/// <summary>
/// The statistics of every stationary-bootstrap resample of a daily return series (one entry per resample, in
/// resample order): annualised Sharpe, CAGR, max drawdown and total return of the resampled equity path, each computed
/// by <see cref="MetricsCalculator"/> exactly as for the original series. The resampled paths are the Monte Carlo
/// equity paths: their max drawdown and final (total) return distributions are <see cref="MaxDrawdownDistribution"/>
/// and <see cref="FinalReturnDistribution"/>.
/// </summary>
public sealed record BootstrapDraws(double MeanBlockLength, int Seed, double[] Sharpe, double[] Cagr, double[] MaxDrawdown, double[] TotalReturn)
{
    public int Resamples => Sharpe.Length;

    /// <summary>Percentile interval of the annualised Sharpe ratio (NaN resamples, e.g. zero variance, are left out).</summary>
    public ConfidenceInterval SharpeInterval(double level = 0.95) => Quantiles.PercentileInterval(Sharpe, level);

    public ConfidenceInterval CagrInterval(double level = 0.95) => Quantiles.PercentileInterval(Cagr, level);

    public ConfidenceInterval MaxDrawdownInterval(double level = 0.95) => Quantiles.PercentileInterval(MaxDrawdown, level);

    public ConfidenceInterval TotalReturnInterval(double level = 0.95) => Quantiles.PercentileInterval(TotalReturn, level);

    public PathDistribution MaxDrawdownDistribution() => PathDistribution.From(MaxDrawdown);

    public PathDistribution FinalReturnDistribution() => PathDistribution.From(TotalReturn);
}
