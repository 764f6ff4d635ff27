using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>
/// Evaluates any daily return series, like a tear sheet with honest statistics: point metrics
/// (<see cref="MetricsCalculator"/>), moments, the Sharpe ratio's standard errors (Lo, Mertens), PSR against 0 and the
/// minimum track record length (Bailey and López de Prado 2012), the deflated Sharpe ratio when a trial count is given
/// (2014), the Sharpe difference against the benchmark (Jobson-Korkie-Memmel and the Ledoit-Wolf bootstrap), trade
/// statistics with the exact binomial test of the win rate against 50%, stationary-bootstrap 95% intervals, the
/// bootstrapped equity paths' drawdown and final-return distributions, and the random-timing test when the exposure and
/// the asset's returns are given. Formulas and references are on the Statistics methods it calls. Reproducible: the same
/// series, trades and options give the same numbers.
/// </summary>
public static class ReturnSeriesEvaluator
{
    private static readonly double Annualise = Math.Sqrt(MetricsCalculator.TradingDays);

    /// <param name="tradePnl">Closed trades' P&amp;L after costs, in trade order; null or empty: no trade statistics.</param>
    public static ReturnEvaluation Evaluate(ReturnSeries series, double[]? tradePnl, ReturnEvaluationOptions options)
    {
        series.Validate();
        options.Validate();
        var r = series.Returns;
        int n = r.Length;
        var equity = new double[n + 1];
        equity[0] = 1;
        for (int t = 0; t < n; t++) equity[t + 1] = equity[t] * (1 + r[t]);

        double sharpe = MetricsCalculator.Sharpe(r), perDay = sharpe / Annualise;
        double skew = Moments.Skewness(r), kurt = Moments.RawKurtosis(r);
        bool moments = double.IsFinite(perDay) && double.IsFinite(skew) && double.IsFinite(kurt);
        var se = new SharpeStandardErrors(
            double.IsFinite(perDay) ? SharpeInference.LoStandardError(perDay, n) * Annualise : double.NaN,
            moments ? SharpeInference.MertensStandardError(perDay, n, skew, kurt) * Annualise : double.NaN);
        double psr = moments ? SharpeInference.ProbabilisticSharpe(perDay, 0, n, skew, kurt) : double.NaN;
        double minTrl = moments ? SharpeInference.MinimumTrackRecordLength(perDay, 0, skew, kurt, options.TrackRecordConfidence) : double.NaN;

        DeflationInputs? deflation = null;
        double dsr = double.NaN;
        if (options.Trials is { } trials && options.TrialSharpeVariance is { } variance)
        {
            double perDayVariance = variance / MetricsCalculator.TradingDays;
            deflation = new DeflationInputs(trials, variance, SharpeInference.ExpectedMaximumSharpe(trials, perDayVariance) * Annualise);
            if (moments) dsr = SharpeInference.DeflatedSharpe(perDay, n, skew, kurt, trials, perDayVariance);
        }

        BenchmarkComparison? comparison = null;
        if (series.Benchmark is { } benchmark)
        {
            var jk = SharpeComparison.JobsonKorkieMemmel(r, benchmark);
            double bootP = double.NaN;
            int block = 0;
            if (n >= 8)
            {
                block = SharpeComparison.DefaultBlockLength(r, benchmark);
                bootP = SharpeComparison.LedoitWolfBootstrap(r, benchmark, block, options.Resamples, options.Seed).PValue;
            }
            comparison = new BenchmarkComparison(MetricsCalculator.Sharpe(benchmark), jk.Difference * Annualise, jk.Z, jk.PValue, bootP, block);
        }

        var trades = tradePnl ?? [];
        var (winRate, profitFactor, _, _, _) = MetricsCalculator.TradeStats(trades);
        int wins = trades.Count(p => p > 0);
        double binomial = trades.Length > 0 ? BinomialTest.TwoSidedPValue(wins, trades.Length) : double.NaN;

        var bootstrap = new BootstrapOptions { Resamples = options.Resamples, Seed = options.Seed, MeanBlockLength = options.MeanBlockLength };
        var draws = StationaryBootstrap.Returns(r, bootstrap);
        var winInterval = ConfidenceInterval.None;
        double tradeBlock = double.NaN;
        if (trades.Length > 0)
        {
            var (winRates, block) = StationaryBootstrap.TradeWinRates(trades, bootstrap with { MeanBlockLength = null });
            winInterval = Quantiles.PercentileInterval(winRates);
            tradeBlock = block;
        }
        var intervals = new ReturnIntervals(draws.SharpeInterval(), winInterval, draws.CagrInterval(), draws.MaxDrawdownInterval(), draws.TotalReturnInterval());
        var (mddPaths, finalPaths) = MonteCarlo.EquityPaths(draws);
        RandomTimingResult? timing = series.Exposure is { } exposure && series.AssetReturns is { } asset
            ? MonteCarlo.RandomTiming(asset, exposure, options.Resamples, options.Seed)
            : null;

        return new ReturnEvaluation(n, series.Dates[0], series.Dates[^1], sharpe, perDay,
            MetricsCalculator.Sortino(r), MetricsCalculator.Volatility(r), MetricsCalculator.MaxDrawdown(equity).MaxDrawdown,
            MetricsCalculator.Cagr(equity), MetricsCalculator.TotalReturn(equity), skew, kurt, MetricsCalculator.DailyHitRate(r),
            se, psr, minTrl, dsr, deflation, comparison, trades.Length, winRate, profitFactor, binomial, intervals,
            mddPaths, finalPaths, timing, options.Resamples, options.Seed, draws.MeanBlockLength, tradeBlock, draws);
    }
}
