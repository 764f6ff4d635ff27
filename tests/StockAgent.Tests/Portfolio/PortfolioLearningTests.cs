using System.Diagnostics;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;
using StockAgent.Rewards;
using StockAgent.Training;
using StockAgent.Tests.Support;
using Xunit.Abstractions;

namespace StockAgent.Tests.Portfolio;

/// <summary>Does a portfolio-level model find a planted cross-sectional signal? SFT on cross-sectional rank labels, then
/// GRPO on portfolio episodes, on a synthetic market with the cross-sectional reversal planted; scored greedy out of
/// sample on a FRESH market (another seed) against its equal-weight buy-and-hold portfolio, same fills and costs.</summary>
[Collection(TorchCollection.Name)]
public class PortfolioLearningTests(ITestOutputHelper output)
{
    private static MarketData Market(int seed) => SyntheticMarket.Generate(new SyntheticMarketOptions
    {
        Symbols = 20, Sectors = 4, Years = 3, Seed = seed, CrossSectionalReversal = 1,
    });

    private static readonly SftOptions Sft = new()
    {
        Level = SftOptions.PortfolioLevel, TopK = 4, Horizon = 2, Epochs = 3, Hidden = [32], LoraRank = 4, Seed = 3,
    };

    private static readonly GrpoOptions Grpo = new()
    {
        Iterations = 3, GroupsPerIteration = 4, GroupSize = 4, Window = 40, RewardName = "sharpe", Reward = RewardFunctions.SharpeWeighted, Seed = 3,
    };

    /// <summary>The fresh market's portfolio Sharpe of <paramref name="policy"/> (greedy) and of equal-weight buy-and-hold,
    /// after a 60-day warm-up, 5 bp + 5 bp costs.</summary>
    private static (double Model, double BuyAndHold) Fresh(NeuralPolicy policy, MarketData fresh)
    {
        var dates = fresh.Series.Values.First().Dates;
        policy.Greedy = true;
        return (PolicyValidation.PortfolioSharpe(PortfolioPolicy.Of(policy)!, fresh, fresh.Symbols.ToArray(), dates[60], dates[^1]),
            PolicyValidation.EqualWeightSharpe(fresh, fresh.Symbols.ToArray(), dates[60], dates[^1]));
    }

    [Fact]
    public void SftThenGrpo_OnPlantedCrossSectionalReversal_BeatsEqualWeightBuyAndHoldOnAFreshMarket()
    {
        var clock = Stopwatch.StartNew();
        var market = Market(31);
        var split = DataSplit.Default.Resolve(market.Series.Values.First().Dates, market.Symbols.ToArray());
        var (policy, report) = SftTrainer.Train(market, split, Sft);
        using var _ = policy;
        var fresh = Market(1031);
        var (sft, bh) = Fresh(policy, fresh);
        using (var trainer = new PortfolioGrpoTrainer(market, split, policy, Grpo))
            for (int i = 1; i <= Grpo.Iterations; i++)
            {
                var log = trainer.Step(i);
                output.WriteLine($"iteration {i}: reward {log.RewardMean:F4} ± {log.RewardStd:F4}, kl {log.Kl:F5}, clip {log.ClipFraction:F3}, zero-spread {log.ZeroSpreadShare:F2}, {log.Seconds:F2} s");
            }
        var (after, _) = Fresh(policy, fresh);
        output.WriteLine($"fresh-market portfolio Sharpe: SFT {sft:F2}, after GRPO {after:F2}, equal-weight buy-and-hold {bh:F2}; " +
                         $"SFT validation {report.ValidationSharpe:F2} vs {report.ValidationBuyAndHoldSharpe:F2}; {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(after > bh + 0.5, $"after GRPO {after:F2} vs equal-weight buy-and-hold {bh:F2}");
    }
}
