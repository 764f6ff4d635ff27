using System.Text.Json;
using StockAgent.Evaluation;
using StockAgent.Statistics;

namespace StockAgent.Tests.Evaluation;

public class ReturnSeriesEvaluatorTests
{
    private static readonly ReturnEvaluationOptions Quick = new() { Resamples = 400 };

    private static ReturnEvaluation Evaluate(double[] r, double[]? trades = null, ReturnEvaluationOptions? options = null) =>
        ReturnSeriesEvaluator.Evaluate(new ReturnSeries(EvaluationSeries.Weekdays(r.Length), r), trades, options ?? Quick);

    [Fact]
    public void PointMetrics_MatchEmpyricalsPublishedValues()
    {
        // empyrical/tests/test_stats.py: mixed_returns = [nan, 1, 10, -4, 2, 3, 2, 1, -10] / 100 (empyrical skips the nan).
        var mixed = Evaluate([0.01, 0.10, -0.04, 0.02, 0.03, 0.02, 0.01, -0.10]);
        Assert.Equal(1.7238613961706866, mixed.Sharpe, 8);
        Assert.Equal(0.9136465399704637, mixed.Volatility, 8);
        Assert.Equal(2.605531251673693, mixed.Sortino, 8);
        Assert.Equal(0.1, mixed.MaxDrawdown, 8); // empyrical: -0.1 (we report drawdowns as positive fractions)
        Assert.Equal(0.03893, mixed.TotalReturn, 4); // cum_returns_final
        // annual_return counts the nan slot as a period (9 / 252 years): the same as a 0% day.
        Assert.Equal(1.9135925373194231, Evaluate([0, 0.01, 0.10, -0.04, 0.02, 0.03, 0.02, 0.01, -0.10]).Cagr, 8);
        var negative = Evaluate([0, -0.06, -0.07, -0.01, -0.09, -0.02, -0.06, -0.08, -0.05]);
        Assert.Equal(-24.406808633910085, negative.Sharpe, 8);
        Assert.Equal(-13.532743075043401, negative.Sortino, 8);
        Assert.Equal(0.36590730349873601, negative.MaxDrawdown, 8);
        Assert.Equal(52.915026221291804, Evaluate([0.01, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]).Sharpe, 8);
    }

    [Fact]
    public void DeflatedSharpe_PapersExample_EndToEnd()
    {
        // V = 0.5 per 250-day year is 0.002 per day, i.e. 0.504 per 252-day year (this kit annualises with 252).
        var e = ReturnSeriesEvaluator.Evaluate(EvaluationSeries.PapersExample(), null, Quick with { Trials = 100, TrialSharpeVariance = 0.504 });
        Assert.Equal(2.5 / Math.Sqrt(250), e.SharpePerPeriod, 12);
        Assert.Equal(-2.999410769056214, e.Skewness, 9); // the sample moments, computed independently in Python
        Assert.Equal(9.996464961530108, e.Kurtosis, 9);
        Assert.Equal(0.9004, e.Dsr, 4);
        Assert.Equal(0.1132, e.Deflation!.ExpectedMaxSharpe / Math.Sqrt(252), 4);
        Assert.Equal(100, e.Deflation.Trials);
        Assert.True(e.Psr > e.Dsr);
    }

    [Fact]
    public void Evaluation_IsConsistentWithTheStatisticsItCalls()
    {
        var s = EvaluationSeries.WithBenchmark(3, 504);
        double[] trades = [120, -40, 35, -60, 80, 15, -20, 45, 10, -5, 70, -30];
        var e = ReturnSeriesEvaluator.Evaluate(s, trades, Quick with { Seed = 11 });
        double perDay = MetricsCalculator.Mean(s.Returns) / MetricsCalculator.StdDev(s.Returns, 0);
        Assert.Equal(perDay, e.SharpePerPeriod, 12);
        Assert.Equal(SharpeInference.LoStandardError(perDay, 504) * Math.Sqrt(252), e.SharpeSe.Lo, 12);
        Assert.Equal(SharpeInference.ProbabilisticSharpe(perDay, 0, 504, Moments.Skewness(s.Returns), Moments.RawKurtosis(s.Returns)), e.Psr, 12);
        Assert.Equal(SharpeComparison.JobsonKorkieMemmel(s.Returns, s.Benchmark!).PValue, e.SharpeDifference!.PValue, 12);
        Assert.Equal(MetricsCalculator.Sharpe(s.Returns) - MetricsCalculator.Sharpe(s.Benchmark!), e.SharpeDifference.Difference, 10);
        Assert.InRange(e.SharpeDifference.BootstrapPValue, 1.0 / 401, 1);
        Assert.Equal(12, e.Trades);
        Assert.Equal(7.0 / 12, e.WinRate, 12);
        Assert.Equal(BinomialTest.TwoSidedPValue(7, 12), e.BinomialPValue, 12);
        Assert.True(e.Ci95.WinRate.Low <= e.WinRate && e.WinRate <= e.Ci95.WinRate.High);
        Assert.True(e.Ci95.Sharpe.Low < e.Sharpe && e.Sharpe < e.Ci95.Sharpe.High);
        Assert.True(double.IsNaN(e.Dsr));
        Assert.Null(e.Deflation);
        Assert.Null(e.RandomTiming);
        Assert.Equal(400, e.Draws.Resamples);
    }

    [Fact]
    public void SameInputsAndSeed_SameJson_OtherSeed_OtherIntervals()
    {
        var s = EvaluationSeries.WithBenchmark(4, 300);
        string a = ReturnEvaluationJson.Serialize(ReturnSeriesEvaluator.Evaluate(s, null, Quick));
        string b = ReturnEvaluationJson.Serialize(ReturnSeriesEvaluator.Evaluate(s, null, Quick));
        string c = ReturnEvaluationJson.Serialize(ReturnSeriesEvaluator.Evaluate(s, null, Quick with { Seed = 8 }));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Json_HasTheSnakeCaseKeys_AndNullForWhatCannotBeComputed()
    {
        var e = Evaluate([0.01, -0.005, 0.02, 0.0, -0.01, 0.015, 0.004, -0.002, 0.006, 0.001]);
        using var doc = JsonDocument.Parse(ReturnEvaluationJson.Serialize(e));
        var root = doc.RootElement;
        foreach (var key in new[] { "sharpe", "sortino", "volatility", "max_drawdown", "cagr", "total_return", "skewness", "kurtosis", "psr", "min_track_record_days" })
            Assert.Equal(JsonValueKind.Number, root.GetProperty(key).ValueKind);
        foreach (var key in new[] { "dsr", "win_rate", "profit_factor", "binomial_p_value", "sharpe_difference", "deflation" })
            Assert.Equal(JsonValueKind.Null, root.GetProperty(key).ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("sharpe_se").GetProperty("lo").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("sharpe_se").GetProperty("mertens").ValueKind);
        foreach (var key in new[] { "sharpe", "cagr", "max_drawdown", "total_return" })
        {
            var ci = root.GetProperty("ci95").GetProperty(key);
            Assert.True(ci.GetProperty("low").GetDouble() <= ci.GetProperty("high").GetDouble(), key);
        }
        Assert.Equal(JsonValueKind.Null, root.GetProperty("ci95").GetProperty("win_rate").GetProperty("low").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("monte_carlo").GetProperty("max_drawdown").ValueKind);

        var withBenchmark = ReturnSeriesEvaluator.Evaluate(EvaluationSeries.WithBenchmark(5, 250), [10, -5, 3], Quick);
        using var doc2 = JsonDocument.Parse(ReturnEvaluationJson.Serialize(withBenchmark));
        var diff = doc2.RootElement.GetProperty("sharpe_difference");
        Assert.Equal(JsonValueKind.Number, diff.GetProperty("z").ValueKind);
        Assert.Equal(JsonValueKind.Number, diff.GetProperty("p_value").ValueKind);
        Assert.Equal(2.0 / 3, doc2.RootElement.GetProperty("win_rate").GetDouble(), 12);
    }

    [Fact]
    public void ProfitFactorWithoutLosses_IsNullInJson()
    {
        var e = Evaluate([0.01, -0.005, 0.02, 0.003], [5, 7]);
        Assert.True(double.IsPositiveInfinity(e.ProfitFactor));
        using var doc = JsonDocument.Parse(ReturnEvaluationJson.Serialize(e));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("profit_factor").ValueKind);
    }

    [Fact]
    public void RandomTiming_RunsWhenExposureAndAssetReturnsAreGiven()
    {
        int n = 120;
        var asset = Enumerable.Range(0, n).Select(t => t % 20 < 5 ? 0.01 : -0.004).ToArray();
        var exposure = Enumerable.Range(0, n).Select(t => t % 20 < 5 ? 1.0 : 0).ToArray();
        var r = asset.Select((a, t) => a * exposure[t]).ToArray();
        var e = ReturnSeriesEvaluator.Evaluate(new ReturnSeries(EvaluationSeries.Weekdays(n), r, null, exposure, asset), null, Quick);
        Assert.Equal(1.0 / 401, e.RandomTiming!.PValue, 12);
        Assert.Equal(6, e.RandomTiming.Trades);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        var s = new ReturnSeries(EvaluationSeries.Weekdays(3), [0.01, 0.02, 0.01]);
        Assert.Equal("TrialSharpeVariance", Assert.Throws<ArgumentException>(() => ReturnSeriesEvaluator.Evaluate(s, null, Quick with { Trials = 10 })).ParamName);
        Assert.Equal("Trials", Assert.Throws<ArgumentOutOfRangeException>(() => ReturnSeriesEvaluator.Evaluate(s, null, Quick with { Trials = 1, TrialSharpeVariance = 0.1 })).ParamName);
        Assert.Equal("Returns", Assert.Throws<ArgumentException>(() => ReturnSeriesEvaluator.Evaluate(new ReturnSeries(EvaluationSeries.Weekdays(3), [0.01, -1.5, 0.01]), null, Quick)).ParamName);
        Assert.Equal("Dates", Assert.Throws<ArgumentException>(() => ReturnSeriesEvaluator.Evaluate(new ReturnSeries(EvaluationSeries.Weekdays(3).Reverse().ToArray(), [0.01, 0.02, 0.01]), null, Quick)).ParamName);
    }
}
