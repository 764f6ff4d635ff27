using StockAgent.Experiments;

namespace StockAgent.Reporting;

/// <summary>The charts of one test set in a benchmark report, from its record's daily returns and bootstrap draws:
/// equity curves (log-scale toggle), underwater drawdown and rolling 63-day Sharpe of the agent against the benchmark,
/// equal-weight buy-and-hold and SMA crossover; the agent's monthly returns and daily return distribution; the
/// bootstrap distribution of the Sharpe ratio and the Monte Carlo distribution of the max drawdown, with 95% intervals.
/// Null when the record holds no daily returns (an evaluation.json without its returns.csv).</summary>
public static class BenchmarkReportCharts
{
    public const int RollingWindow = 63;

    public static IReadOnlyList<ReportChart>? ForSet(TestSetReport set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var shown = set.Scores.Where(s => s.Name != EvaluationRun.Random && s.Returns is not null).ToList();
        var agent = shown.FirstOrDefault(s => s.Kind is not ("baseline" or "benchmark"));
        if (agent is null) return null;
        var traces = shown.Select(s => ReturnTrace.Of(s.Name, s.Returns!, isBenchmark: s.Kind == "benchmark")).ToList();
        var name = set.Set.Name;
        var agentTrace = traces[shown.IndexOf(agent)];
        var benchmark = traces.FirstOrDefault(t => t.IsBenchmark);
        var charts = new List<ReportChart>
        {
            new($"Equity curves on the {name}: growth of 1 after costs (buttons: linear or log scale)", BenchmarkCharts.EquityCurves(traces)),
            new($"Underwater drawdown on the {name}: the fall from the running peak", BenchmarkCharts.Underwater(traces)),
            new($"Rolling {RollingWindow}-day Sharpe ratio (annualised) on the {name}", BenchmarkCharts.RollingSharpe(traces, RollingWindow)),
            new($"Monthly returns of {agent.Name} on the {name}", BenchmarkCharts.MonthlyReturns(agentTrace, benchmark)),
            new($"Daily returns of {agent.Name} on the {name} against a normal distribution of the same mean and standard deviation", BenchmarkCharts.ReturnDistribution(agentTrace, benchmark)),
        };
        var withDraws = shown.Where(s => s.Statistics.Draws.Resamples > 0).ToList();
        if (withDraws.Count > 0 && withDraws.Any(s => s.Statistics.Draws.Sharpe.Any(double.IsFinite)))
            charts.Add(new($"Bootstrap distribution of the annualised Sharpe ratio on the {name} ({withDraws[0].Statistics.Draws.Resamples:N0} stationary-bootstrap resamples), 95% intervals dashed",
                BenchmarkCharts.BootstrapSharpe(withDraws.Select(s => (s.Name, s.Statistics.Draws.Sharpe, s.Statistics.Ci95.Sharpe)).ToList())));
        if (withDraws.Count > 0 && withDraws.Any(s => s.Statistics.Draws.MaxDrawdown.Any(double.IsFinite)))
            charts.Add(new($"Monte Carlo distribution of the max drawdown on the {name} (the bootstrap's resampled paths), 95% intervals dashed",
                BenchmarkCharts.MonteCarloDrawdown(withDraws.Select(s => (s.Name, s.Statistics.Draws.MaxDrawdown, s.Statistics.Ci95.MaxDrawdown)).ToList())));
        return charts;
    }
}
