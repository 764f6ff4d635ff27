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
public sealed class PortfolioLearningTests(ITestOutputHelper output) : OneTorchThread
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
        Iterations = 2, GroupsPerIteration = 3, GroupSize = 4, Window = 30, RewardName = "sharpe", Reward = RewardFunctions.SharpeWeighted, Seed = 3,
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

    /// <summary>SFT (no report: its validation runs are not needed here) then GRPO on the market of seed
    /// <paramref name="seed"/>; the fresh market (seed + 1000)'s portfolio Sharpe after SFT and after GRPO, and buy-and-hold's.</summary>
    private (double Sft, double Grpo, double BuyAndHold) Train(int seed)
    {
        var clock = Stopwatch.StartNew();
        var market = Market(seed);
        var split = DataSplit.Default.Resolve(market.Series.Values.First().Dates, market.Symbols.ToArray());
        NeuralPolicy policy;
        using (var sft = new SftTrainer(market, split, Sft))
        {
            for (int epoch = 1; epoch <= Sft.Epochs; epoch++) sft.Step(epoch);
            policy = sft.Policy;
        }
        using var _ = policy;
        var fresh = Market(seed + 1000);
        var (afterSft, bh) = Fresh(policy, fresh);
        using (var trainer = new PortfolioGrpoTrainer(market, split, policy, Grpo))
            for (int i = 1; i <= Grpo.Iterations; i++)
            {
                var log = trainer.Step(i);
                output.WriteLine($"seed {seed}, iteration {i}: reward {log.RewardMean:F4} ± {log.RewardStd:F4}, kl {log.Kl:F5}, clip {log.ClipFraction:F3}, zero-spread {log.ZeroSpreadShare:F2}, {log.Seconds:F2} s");
            }
        var (afterGrpo, _) = Fresh(policy, fresh);
        output.WriteLine($"seed {seed}: fresh-market portfolio Sharpe after SFT {afterSft:F2}, after GRPO {afterGrpo:F2}, equal-weight buy-and-hold {bh:F2} ({clock.Elapsed.TotalSeconds:F1} s)");
        return (afterSft, afterGrpo, bh);
    }

    /// <summary>Measured with these settings (training seed, fresh seed = training + 1000; Sharpe after GRPO minus
    /// equal-weight buy-and-hold's on the fresh market): 31: 3.76 - 2.45 = +1.31, 32: -0.65 - -2.84 = +2.19,
    /// 33: 2.16 - 1.02 = +1.14, 34: 0.36 - -1.02 = +1.38, 35: 0.58 - -0.08 = +0.66. The test runs seed 31 (fixed seeds: it
    /// cannot fail by chance) with a margin of 0.5, below the smallest measured.</summary>
    [Fact]
    public void SftThenGrpo_OnPlantedCrossSectionalReversal_BeatsEqualWeightBuyAndHoldOnAFreshMarket()
    {
        var (_, grpo, bh) = Train(31);
        Assert.True(grpo > bh + 0.5, $"after GRPO {grpo:F2} vs equal-weight buy-and-hold {bh:F2}");
    }
}
