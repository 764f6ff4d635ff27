using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Evaluation;
using StockAgent.Statistics;

namespace StockAgent.Experiments;

/// <summary>Scores a model on the split's validation period of the training symbols with <see cref="PolicyTester"/>
/// (the same backtest and costs as evaluation), beside equal-weight buy-and-hold. The validation period chooses the
/// pipeline's and a sweep's models; the test sets are never read here.</summary>
public static class ValidationCheck
{
    public static ValidationMetrics Of(ExperimentContext context, string modelDirectory)
    {
        var split = context.Resolved;
        if (split.ValidationStart is not { } from || split.ValidationEnd is not { } to)
            throw new ArgumentException("the split has no validation period: models are chosen there.", nameof(context));
        var set = TestSet.Validation(split.TrainingSymbols, from, to);
        var backtest = BacktestOptions.Default with { InitialCash = PolicyTester.PortfolioCash };
        using var model = NeuralPolicy.Load(modelDirectory, greedy: true);
        var run = PolicyTester.Run(modelDirectory, "model", model, context.Market, set, backtest);
        var hold = PolicyTester.Run("buy-and-hold", "baseline", new BuyAndHoldPolicy(), context.Market, set, backtest);
        var equity = run.Backtest.Portfolio.Equity;
        var (winRate, _, _, _, _) = MetricsCalculator.TradeStats(run.TradePnl);
        return new ValidationMetrics(modelDirectory, MetricsCalculator.Sharpe(run.Returns.Returns), winRate, equity[^1] / equity[0] - 1,
            MetricsCalculator.MaxDrawdown(equity).MaxDrawdown, run.TradePnl.Length, MetricsCalculator.Sharpe(hold.Returns.Returns));
    }
}
