using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Portfolio;

/// <summary>The accounting of <see cref="PortfolioBacktester"/> with a portfolio policy: every day equity = cash + sum of
/// shares x the last close; the change in cash is minus the filled notional at the reference prices (the open) minus
/// non-negative costs that add up to the run's total; long-only gross exposure never exceeds 1; with the close at the
/// end the trades explain the whole gain.</summary>
[Collection(TorchCollection.Name)]
public sealed class PortfolioBacktestAccountingTests : OneTorchThread
{
    /// <summary>What is wrong with <paramref name="r"/> (null: nothing). Without the close at the end every fill is a
    /// signal fill at the symbol's open.</summary>
    private static string? Check(PortfolioResult r, PriceSeries[] universe, bool longOnly)
    {
        var shares = r.Shares!;
        double costs = 0;
        for (int i = 0; i < r.Dates.Length; i++)
        {
            double value = 0, flow = 0;
            for (int k = 0; k < universe.Length; k++)
            {
                var s = universe[k];
                int last = s.IndexOnOrAfter(r.Dates[i].AddDays(1)) - 1;
                if (last >= 0) value += shares[k][i] * s.Close[last];
                double before = i == 0 ? 0 : shares[k][i - 1];
                if (shares[k][i] != before)
                {
                    if (last < 0 || s.Dates[last] != r.Dates[i]) return $"{s.Symbol} traded on {r.Dates[i]} without a bar";
                    flow += (shares[k][i] - before) * s.Open[last];
                }
            }
            if (Math.Abs(r.Cash[i] + value - r.Equity[i]) > 1e-6 * r.InitialCash) return $"day {i}: cash {r.Cash[i]} + positions {value} != equity {r.Equity[i]}";
            double cost = -((r.Cash[i] - (i == 0 ? r.InitialCash : r.Cash[i - 1])) + flow);
            if (cost < -1e-6) return $"day {i}: cash changed by more than the filled notional ({cost} of costs)";
            costs += cost;
            if (longOnly && (r.GrossExposure[i] > 1 + 1e-12 || r.Cash[i] < -1e-9)) return $"day {i}: gross {r.GrossExposure[i]}, cash {r.Cash[i]}";
        }
        if (Math.Abs(costs - r.TotalCosts) > 1e-6 * r.InitialCash) return $"daily costs sum to {costs}, the run's total is {r.TotalCosts}";
        return null;
    }

    [Property(MaxTest = 40)]
    public Property RandomWeights_CashPlusPositionsIsEquity_AndCashMovesByTheFills() =>
        Prop.ForAll(RandomSeries.SeedBarsAndCut(30, 300), c =>
        {
            var policy = PortfolioCases.Create("random-weights");
            var universe = PortfolioCases.Universe(c.Seed, c.Bars);
            var r = PortfolioBacktester.Run(policy, universe, PortfolioCases.Options(policy, closeAtEnd: false), c.Seed);
            var failure = Check(r, universe, longOnly: true);
            if (failure is not null) return false.Label(failure);
            var closed = PortfolioBacktester.Run(policy, universe, PortfolioCases.Options(policy), c.Seed);
            double pnl = closed.Trades.Sum(t => t.Pnl);
            if (Math.Abs(closed.Equity[^1] - closed.InitialCash - pnl) > 1e-6 * closed.InitialCash)
                return false.Label($"final equity {closed.Equity[^1]} != initial + trade P&L {closed.InitialCash + pnl}");
            return (closed.GrossExposure[^1] == 0).Label("positions left open at the end");
        });

    [Theory]
    [InlineData("neural/top-k/greedy")]
    [InlineData("neural/softmax/sampled")]
    [InlineData("neural/top-k/long-short/sampled")]
    [InlineData("neural/softmax/long-short/greedy")]
    public void NeuralPortfolio_AccountingHolds_AndTheDecisionsAreTheWeightsTraded(string name)
    {
        var policy = PortfolioCases.Create(name);
        try
        {
            foreach (int seed in new[] { 3, 17 })
            {
                var universe = PortfolioCases.Universe(seed, 250);
                var r = PortfolioBacktester.Run(policy, universe, PortfolioCases.Options(policy, closeAtEnd: false), seed, PortfolioCases.Observations(universe));
                Assert.Null(Check(r, universe, longOnly: !policy.AllowsShort));
                var d = r.Decisions!;
                Assert.True(d.Steps > 200, $"{d.Steps} steps");
                for (int day = 0; day < r.Dates.Length - 1; day++)
                {
                    var today = Enumerable.Range(0, d.Steps).Where(q => d.Day[q] == day).ToList();
                    double gross = today.Sum(q => Math.Abs(d.Weight[q]));
                    Assert.True(gross <= 1 + 1e-9, $"day {day}: gross weight {gross}");
                    if (policy.AllowsShort) Assert.True(Math.Abs(today.Sum(q => d.Weight[q])) < 1e-9, $"day {day}: not market neutral");
                    Assert.All(today, q => Assert.InRange(d.LogProb[q], double.NegativeInfinity, 0));
                }
                Assert.True(r.GrossExposure.Skip(2).Average() > 0.3, "the policy hardly invests");
            }
        }
        finally
        {
            PortfolioCases.Dispose(policy);
        }
    }

    [Fact]
    public void ShortWeights_WithoutShorting_AreRefusedNamingTheOption()
    {
        var policy = PortfolioCases.Create("neural/top-k/long-short/sampled");
        try
        {
            var universe = PortfolioCases.Universe(1, 80);
            var ex = Assert.Throws<ArgumentException>(() => PortfolioBacktester.Run(policy, universe,
                new PortfolioOptions(), 1, PortfolioCases.Observations(universe)));
            Assert.Contains("AllowShort", ex.Message);
        }
        finally
        {
            PortfolioCases.Dispose(policy);
        }
    }
}
