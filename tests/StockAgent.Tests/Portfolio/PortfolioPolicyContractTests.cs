using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Portfolio;

/// <summary>
/// The contract every <see cref="IPortfolioPolicy"/> of <see cref="PortfolioCases"/> passes through
/// <see cref="PortfolioBacktester"/> (as <see cref="StockAgent.Tests.Agents.PolicyContractTests"/> for single-symbol
/// policies): no look-ahead (changing every symbol's bars after day t changes no observation, action, weight, equity or
/// cash at or before t), determinism (the same seed gives the same run; only a sampling policy depends on the seed), and
/// valid decisions (weights finite with gross at most 1, long-only weights non-negative). Fixed seeds: the universes and
/// cuts below are the cases, so the test cannot fail by chance.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class PortfolioPolicyContractTests : OneTorchThread
{
    public static TheoryData<string> Policies => new(PortfolioCases.Names);

    private static PortfolioResult Act(IPortfolioPolicy policy, PriceSeries[] universe, int seed) =>
        PortfolioBacktester.Run(policy, universe, PortfolioCases.Options(policy), seed, PortfolioCases.Observations(universe));

    /// <summary>The first difference between two runs' decisions made on days up to <paramref name="upToDay"/> (null: none).</summary>
    private static string? Difference(PortfolioResult a, PortfolioResult b, int upToDay)
    {
        var (da, db) = (a.Decisions!, b.Decisions!);
        int na = da.Day.Count(d => d <= upToDay), nb = db.Day.Count(d => d <= upToDay);
        if (na != nb) return $"{na} decisions against {nb} up to day {upToDay}";
        int size = da.ObservationSize;
        for (int q = 0; q < na; q++)
        {
            if (da.Day[q] != db.Day[q] || da.Symbol[q] != db.Symbol[q] || da.Bar[q] != db.Bar[q]) return $"step {q} is another day or symbol";
            if (!da.Observations.AsSpan(q * size, size).SequenceEqual(db.Observations.AsSpan(q * size, size))) return $"step {q} (day {da.Day[q]}) saw another observation";
            if (da.Action[q] != db.Action[q] || da.Weight[q] != db.Weight[q]) return $"step {q} (day {da.Day[q]}): action {da.Action[q]} weight {da.Weight[q]} against {db.Action[q]} {db.Weight[q]}";
            if (Math.Abs(da.LogProb[q] - db.LogProb[q]) > 1e-5 * Math.Max(1, Math.Abs(da.LogProb[q]))) return $"step {q}: log-probability {da.LogProb[q]} against {db.LogProb[q]}";
        }
        for (int i = 0; i <= Math.Min(upToDay, a.Dates.Length - 1); i++)
            if (a.Equity[i] != b.Equity[i] || a.Cash[i] != b.Cash[i]) return $"day {i}: equity or cash differs";
        return null;
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void NoLookAhead_ChangingBarsAfterT_ChangesNothingUpToT(string name)
    {
        var policy = PortfolioCases.Create(name);
        try
        {
            foreach (var (seed, bars, t) in new[] { (5, 120, 40), (23, 200, 150), (71, 90, 1), (402, 160, 88) })
            {
                var universe = PortfolioCases.Universe(seed, bars);
                var a = Act(policy, universe, seed);
                var cut = a.Dates[t];
                var perturbed = universe.Select((s, k) => RandomSeries.PerturbAfter(s, cut, seed + k)).ToArray();
                var b = Act(policy, perturbed, seed);
                Assert.True(a.Decisions!.Steps > 0);
                Assert.Null(Difference(a, b, t));
                Assert.NotNull(Difference(a, b, bars - 1) ?? (name == "random-weights" ? "reads no bar" : null)); // later bars do matter
            }
        }
        finally
        {
            PortfolioCases.Dispose(policy);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Determinism_SameSeedSameRun_OnlySamplingDependsOnTheSeed(string name)
    {
        var policy = PortfolioCases.Create(name);
        try
        {
            var universe = PortfolioCases.Universe(9, 150);
            var a = Act(policy, universe, 4);
            Assert.Null(Difference(a, Act(policy, universe, 4), int.MaxValue));
            var other = Difference(a, Act(policy, universe, 5), int.MaxValue);
            if (PortfolioCases.Stochastic(name)) Assert.NotNull(other);
            else Assert.Null(other);
        }
        finally
        {
            PortfolioCases.Dispose(policy);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Decisions_AreValidWeights(string name)
    {
        var policy = PortfolioCases.Create(name);
        try
        {
            var d = Act(policy, PortfolioCases.Universe(13, 140), 2).Decisions!;
            Assert.All(d.Weight, w => Assert.True(double.IsFinite(w) && Math.Abs(w) <= 1 && (policy.AllowsShort || w >= 0), $"weight {w}"));
            Assert.All(d.Action, a => Assert.InRange(a, 0, policy.Actions.Count - 1));
            foreach (var day in d.Day.Distinct())
                Assert.True(Enumerable.Range(0, d.Steps).Where(q => d.Day[q] == day).Sum(q => Math.Abs(d.Weight[q])) <= 1 + 1e-9);
        }
        finally
        {
            PortfolioCases.Dispose(policy);
        }
    }
}
