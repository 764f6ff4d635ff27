using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Statistics;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Backtest;

/// <summary>Properties of the backtest's accounting. No look-ahead and determinism are checked for every policy in
/// <see cref="StockAgent.Tests.Agents.PolicyContractTests"/>.</summary>
public class BacktesterPropertyTests
{
    private static readonly BacktestOptions Costly = new() { Costs = CostModel.FromBps(5, 3) };

    public static IEnumerable<IPolicy> Policies() =>
    [
        new SmaCrossoverPolicy(5, 20), new MomentumPolicy(10, 3), new MeanReversionPolicy(5, 35, 55), new RandomPolicy(),
        new BuyAndHoldPolicy(), new SmaCrossoverPolicy(3, 12, ActionSpace.LongShort),
    ];

    [Property(MaxTest = 60)]
    public Property Accounting_CashPlusPositionsIsEquity_AndTradesExplainTheWholeGain() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(), c =>
        {
            var s = RandomSeries.Walk(c.Seed, c.Bars);
            foreach (var policy in Policies())
            {
                var options = Costly with { AllowShort = policy.Actions.AllowsShort };
                var r = Backtester.Run(policy, s, options, seed: c.Seed);
                for (int i = 0; i < r.Days; i++)
                    if (Math.Abs(r.Cash[i] + r.Shares[i] * s.Close[i] - r.Equity[i]) > 1e-6 * r.Equity[i]) return false.Label($"{policy.Id}: identity at {i}");
                if (!policy.Actions.AllowsShort && r.Cash.Any(x => x < -1e-9)) return false.Label($"{policy.Id}: negative cash");
                double tradePnl = r.Trades.Sum(t => t.Pnl);
                if (Math.Abs(r.FinalEquity - r.InitialCash - tradePnl) > 1e-6 * r.InitialCash)
                    return false.Label($"{policy.Id}: final equity {r.FinalEquity} vs cash + trade P&L {r.InitialCash + tradePnl}");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = 40)]
    public Property FlatPolicy_HasZeroReturn() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(), c =>
        {
            var r = Backtester.Run(ScriptedPolicy.Constant(0, c.Bars), RandomSeries.Walk(c.Seed, c.Bars), Costly);
            return r.Equity.All(e => e == r.InitialCash) && r.Trades.Count == 0 && r.Metrics().TotalReturn == 0;
        });

    [Property(MaxTest = 60)]
    public Property BuyAndHold_ZeroCosts_EqualsPriceRatioOfWholeSharesBought() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(), c =>
        {
            var s = RandomSeries.Walk(c.Seed, c.Bars);
            var r = Backtester.Run(new BuyAndHoldPolicy(), s, new BacktestOptions { InitialCash = 100_000, PositionSize = 0.95, Costs = CostModel.Zero });
            double shares = Math.Floor(100_000 * 0.95 / s.Close[0]);
            double expected = 100_000 - shares * s.Open[1] + shares * s.Close[^1];
            return (Math.Abs(r.FinalEquity - expected) < 1e-6).Label($"{r.FinalEquity} vs {expected}");
        });

    [Property(MaxTest = 60)]
    public Property MaxDrawdown_LiesInZeroOne() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(), c =>
        {
            var r = Backtester.Run(new RandomPolicy(ActionSpace.LongShort), RandomSeries.Walk(c.Seed, c.Bars, 0.06),
                Costly with { AllowShort = true }, seed: c.Seed);
            double mdd = r.Metrics().MaxDrawdown;
            return mdd >= 0 && mdd <= 1;
        });

    [Property(MaxTest = 30)]
    public Property Portfolio_Accounting_CashPlusPositionsIsEquity_AndTradesExplainTheWholeGain() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(60, 300), c =>
        {
            var series = Enumerable.Range(0, 3).Select(k => RandomSeries.Keep(RandomSeries.Walk(c.Seed + k, c.Bars, 0.03, $"S{k}"), i => i % (k + 5) != 1)).ToList();
            foreach (var policy in Policies())
            {
                var options = new PortfolioOptions { Backtest = Costly with { AllowShort = policy.Actions.AllowsShort, StopLoss = 0.04, TakeProfit = 0.08 } };
                var r = PortfolioBacktester.Run(policy, series, options, c.Seed);
                if (!policy.Actions.AllowsShort && r.Cash.Any(x => x < -1e-9)) return false.Label($"{policy.Id}: negative cash");
                double tradePnl = r.Trades.Sum(t => t.Pnl);
                if (Math.Abs(r.Equity[^1] - r.InitialCash - tradePnl) > 1e-6 * r.InitialCash)
                    return false.Label($"{policy.Id}: final equity {r.Equity[^1]} vs cash + trade P&L {r.InitialCash + tradePnl}");
                if (Math.Abs(r.Cash[^1] - r.Equity[^1]) > 1e-9 * r.InitialCash) return false.Label($"{policy.Id}: positions left open at the end");
            }
            return true.ToProperty();
        });

    [Property(MaxTest = 30)]
    public Property Portfolio_NoLookAhead_ChangingBarsAfterT_ChangesNothingUpToT() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(60, 300), c =>
        {
            var original = Enumerable.Range(0, 3).Select(k => RandomSeries.Walk(c.Seed + k, c.Bars, 0.03, $"S{k}")).ToList();
            var perturbed = original.Select((s, k) => RandomSeries.PerturbAfter(s, c.T, c.Seed + 10 + k)).ToList();
            foreach (var policy in Policies())
            {
                var options = new PortfolioOptions { Backtest = Costly with { AllowShort = policy.Actions.AllowsShort, StopLoss = 0.05 } };
                var a = PortfolioBacktester.Run(policy, original, options, c.Seed);
                var b = PortfolioBacktester.Run(policy, perturbed, options, c.Seed);
                for (int i = 0; i <= c.T; i++)
                    if (a.Equity[i] != b.Equity[i] || a.Cash[i] != b.Cash[i] || a.GrossExposure[i] != b.GrossExposure[i])
                        return false.Label($"{policy.Id} differs at day {i} <= t = {c.T}");
            }
            return true.ToProperty();
        });
}
