using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>
/// Every statistic of one daily return series (see <see cref="ReturnSeriesEvaluator"/>). Sharpe, Sortino and
/// volatility are annualised with 252 days (<see cref="SharpePerPeriod"/> is the per-day Sharpe the PSR and DSR use);
/// <see cref="Kurtosis"/> is raw (normal = 3); <see cref="MinTrackRecordDays"/> counts daily returns; NaN means
/// "cannot be computed" (and null in JSON). <see cref="Draws"/> holds every bootstrap resample's statistics, for charts.
/// </summary>
public sealed record ReturnEvaluation(
    int Observations,
    DateOnly From,
    DateOnly To,
    double Sharpe,
    double SharpePerPeriod,
    double Sortino,
    double Volatility,
    double MaxDrawdown,
    double Cagr,
    double TotalReturn,
    double Skewness,
    double Kurtosis,
    double DailyHitRate,
    SharpeStandardErrors SharpeSe,
    double Psr,
    double MinTrackRecordDays,
    double Dsr,
    DeflationInputs? Deflation,
    BenchmarkComparison? SharpeDifference,
    int Trades,
    double WinRate,
    double ProfitFactor,
    double BinomialPValue,
    ReturnIntervals Ci95,
    PathDistribution MonteCarloMaxDrawdown,
    PathDistribution MonteCarloFinalReturn,
    RandomTimingResult? RandomTiming,
    int Resamples,
    int Seed,
    double MeanBlockLength,
    double TradeMeanBlockLength,
    BootstrapDraws Draws);
