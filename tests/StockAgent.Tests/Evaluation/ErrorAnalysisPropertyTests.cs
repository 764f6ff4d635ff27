using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Evaluation;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Evaluation;

/// <summary>The groupings partition the analysis: in every grouping the groups' trades, trade P&amp;L and (for the
/// day-labelled groupings) days and daily P&amp;L add up to the totals, loss shares to 1, and the trades' P&amp;L to the
/// equity change.</summary>
public class ErrorAnalysisPropertyTests
{
    private static readonly IPolicy[] Policies = [new RandomPolicy(), new SmaCrossoverPolicy(3, 12, ActionSpace.LongShort), new MomentumPolicy(10, 3)];

    [Property(MaxTest = 25)]
    public Property Groupings_AddUpToTheTotals() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), Gen.Choose(120, 260).ToArbitrary(), (seed, bars) =>
        {
            var symbols = Enumerable.Range(0, 4).Select(k => RandomSeries.Walk(seed + k, bars, symbol: $"S{k}")).ToList();
            var market = new MarketData(symbols.Select((s, k) => new SymbolInfo(s.Symbol, s.Symbol, k % 2 == 0 ? "A" : "B")).ToList(),
                symbols.ToDictionary(s => s.Symbol), null, "random");
            var dates = symbols[0].Dates;
            var set = new TestSet("test", TestSet.OutOfTime, market.Symbols.ToList(), dates[bars / 3], dates[^1]);
            foreach (var policy in Policies)
            {
                var r = ErrorAnalysis.Run(market, policy, [set], new ErrorAnalysisOptions { Seed = seed });
                double scale = 1e-6 * Math.Max(1, r.Trades.Sum(t => Math.Abs(t.Pnl)));
                if (Math.Abs(r.TotalPnl - r.DailyPnl) > scale) return false.Label($"{policy.Id}: trades {r.TotalPnl} vs equity {r.DailyPnl}");
                int days = symbols.Sum(s => bars - bars / 3);
                foreach (var grouping in ErrorAnalysis.Groupings)
                {
                    var g = r.GroupsOf(grouping);
                    if (g.Sum(x => x.Trades) != r.TradeCount) return false.Label($"{policy.Id} {grouping}: trade count");
                    if (Math.Abs(g.Sum(x => x.TotalPnl) - r.TotalPnl) > scale) return false.Label($"{policy.Id} {grouping}: P&L {g.Sum(x => x.TotalPnl)} vs {r.TotalPnl}");
                    if (r.Trades.Any(t => t.Pnl < 0) && Math.Abs(g.Sum(x => x.ShareOfLoss) - 1) > 1e-9) return false.Label($"{policy.Id} {grouping}: loss shares");
                    if (grouping == ErrorAnalysis.ByHolding) continue;
                    if (g.Sum(x => x.Days) != days) return false.Label($"{policy.Id} {grouping}: days {g.Sum(x => x.Days)} vs {days}");
                    if (Math.Abs(g.Sum(x => x.DailyPnl) - r.DailyPnl) > scale) return false.Label($"{policy.Id} {grouping}: daily P&L");
                }
                if (r.FailingSlices.Any(s => s.TotalPnl >= 0) || r.TopLosers.Any(t => t.Pnl >= 0)) return false.Label($"{policy.Id}: a winner listed as failing");
            }
            return true.ToProperty();
        });
}
