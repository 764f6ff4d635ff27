using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;
using StockAgent.Training;
using StockAgent.Tests.Support;
using Xunit.Abstractions;

namespace StockAgent.Tests.Training;

/// <summary>Does training find a planted signal? Out of sample = a fresh synthetic market (other seed, same process)
/// the model never saw. Margins are set below what was measured with these seeds.</summary>
[Collection(TorchCollection.Name)]
public class LearningTests(ITestOutputHelper output)
{
    private static MarketData Market(int seed, int symbols, int years) =>
        SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = symbols, Sectors = 5, Years = years, Seed = seed, SignalStrength = 1.0 });

    private static readonly Lazy<MarketData> Fresh = new(() => Market(1021, 20, 4));

    /// <summary>SFT on the training market (seed 21): the starting point of both learning tests.</summary>
    private static (MarketData Market, ResolvedSplit Split, NeuralPolicy Policy, SftReport Report) TrainSft()
    {
        var market = Market(21, 30, 6);
        var split = DataSplit.Default.Resolve(market.Series.Values.First().Dates, market.Symbols.ToArray());
        var (policy, report) = SftTrainer.Train(market, split, new SftOptions { Epochs = 4, Seed = 21 });
        return (market, split, policy, report);
    }

    /// <summary>Mean Sharpe over the fresh market's 20 symbols after a 60-bar warm-up (5 bp + 5 bp costs).</summary>
    private static double FreshSharpe(IPolicy policy)
    {
        var dates = Fresh.Value.Series.Values.First().Dates;
        return PolicyValidation.MeanSharpe(policy, Fresh.Value, Fresh.Value.Symbols.ToArray(), dates[60], dates[^1]);
    }

    [Fact]
    public void Sft_OnPlantedMomentum_BeatsRandomAndBuyAndHoldOutOfSample()
    {
        var (_, _, policy, report) = TrainSft();
        using var _ = policy;

        double sft = FreshSharpe(policy);
        double buyAndHold = FreshSharpe(new BuyAndHoldPolicy());
        double random = FreshSharpe(new RandomPolicy());

        output.WriteLine($"fresh-market Sharpe: SFT {sft:F2}, buy-and-hold {buyAndHold:F2}, random {random:F2}; train accuracy {report.TrainAccuracy:F3}");
        // Measured: SFT 2.32, buy-and-hold 0.30, random -0.76 (mean Sharpe over 20 fresh symbols, 5 bp + 5 bp costs).
        Assert.True(sft > buyAndHold + 1.0, $"SFT {sft:F2} vs buy-and-hold {buyAndHold:F2}");
        Assert.True(sft > random + 1.0, $"SFT {sft:F2} vs random {random:F2}");
        Assert.InRange(report.TrainAccuracy, 0.4, 0.9);
    }

    /// <summary>SFT, then 12 online iterations of the RL trainer the factory builds (512 rollouts each); fresh-market
    /// Sharpe of the greedy policy before and after, and the mean reward over iterations 1-3 and 10-12.</summary>
    private static (double Sft, double After, double Early, double Late, List<RlIterationLog> Logs) TrainRl(
        Func<MarketData, ResolvedSplit, NeuralPolicy, RlTrainer> trainer)
    {
        var (market, split, policy, _) = TrainSft();
        using var __ = policy;
        policy.Greedy = true;
        double sft = FreshSharpe(policy);
        using var rl = trainer(market, split, policy);
        var logs = Enumerable.Range(1, 12).Select(rl.Step).ToList();
        policy.Greedy = true;
        double after = FreshSharpe(policy);
        Assert.All(logs, l => Assert.True(l.Kl >= 0 && l.Kl < 0.2, $"KL {l.Kl}"));
        Assert.All(logs, l => Assert.Equal(512, l.Trajectories));
        return (sft, after, logs.Take(3).Average(l => l.RewardMean), logs.TakeLast(3).Average(l => l.RewardMean), logs);
    }

    [Fact]
    public void Grpo_AfterSft_RaisesRewardAndOutOfSampleSharpe()
    {
        var (sft, after, early, late, logs) = TrainRl((m, s, p) => new GrpoTrainer(m, s, p, new GrpoOptions { GroupsPerIteration = 64, GroupSize = 8, Seed = 3 }));

        output.WriteLine($"reward {early:F3} (iterations 1-3) -> {late:F3} (10-12); fresh-market Sharpe SFT {sft:F2} -> GRPO {after:F2}; max KL {logs.Max(l => l.Kl):F4}");
        // Measured (deterministic across runs): mean composite reward 0.554 over iterations 1-3 and 0.613 over
        // 10-12; fresh-market Sharpe 2.32 after SFT, 2.56 after GRPO (max KL 0.06).
        Assert.True(late > early, $"reward {early:F3} -> {late:F3}");
        Assert.True(after > sft + 0.1, $"fresh-market Sharpe SFT {sft:F2} -> GRPO {after:F2}");
    }

    [Fact]
    public void Ppo_AfterSft_RaisesRewardAndLearnsValues()
    {
        var (sft, after, early, late, logs) = TrainRl((m, s, p) => new PpoTrainer(m, s, p, new PpoOptions { GroupsPerIteration = 64, GroupSize = 8, Seed = 3 }));

        output.WriteLine($"reward {early:F3} (iterations 1-3) -> {late:F3} (10-12); value loss {logs[0].ValueLoss:F4} -> {logs[^1].ValueLoss:F4}; " +
                         $"fresh-market Sharpe SFT {sft:F2} -> PPO {after:F2}; max KL {logs.Max(l => l.Kl):F4}");
        // Measured (deterministic): mean composite reward 0.542 over iterations 1-3 and 0.572 over 10-12 (GRPO: 0.554 -> 0.613);
        // value loss 0.052 -> 0.023 as the fresh value head learns; fresh-market Sharpe 2.32 after SFT, 2.44 after PPO
        // (before the full feature set: 2.25 -> 2.24, so PPO is only required not to lose what SFT learned).
        Assert.True(late > early + 0.01, $"reward {early:F3} -> {late:F3}");
        Assert.True(logs[^1].ValueLoss < 0.8 * logs[0].ValueLoss, $"value loss {logs[0].ValueLoss:F4} -> {logs[^1].ValueLoss:F4}");
        Assert.True(after > sft - 0.25, $"fresh-market Sharpe SFT {sft:F2} -> PPO {after:F2}");
    }

    [Fact]
    public void Sft_GruOverTenBars_BeatsRandomAndBuyAndHoldOutOfSample()
    {
        var market = Market(21, 30, 6);
        var split = DataSplit.Default.Resolve(market.Series.Values.First().Dates, market.Symbols.ToArray());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (policy, report) = SftTrainer.Train(market, split, new SftOptions { Epochs = 4, Seed = 21, Architecture = PolicyNetworkSpec.Gru, SequenceLength = 10, Hidden = [32] });
        using var _ = policy;

        double gru = FreshSharpe(policy);
        output.WriteLine($"GRU SFT fresh-market Sharpe {gru:F2}, train accuracy {report.TrainAccuracy:F3}, {clock.Elapsed.TotalSeconds:F1} s");
        // Measured: 2.18 (train accuracy 0.652; the MLP: 2.32) against buy-and-hold 0.30 and random -0.76; about 5 s.
        Assert.True(gru > FreshSharpe(new BuyAndHoldPolicy()) + 1.0, $"GRU SFT {gru:F2}");
        Assert.True(gru > FreshSharpe(new RandomPolicy()) + 1.0, $"GRU SFT {gru:F2}");
    }

    [Fact]
    public void HindsightLabels_PickTheExposureThatWouldHaveDoneBest()
    {
        // Rising 2% a day: fully long. Falling: flat (long-only) or short (long-short).
        var up = SeriesBuilder.Trend(40, 0.02, 0.001).Close;
        var down = SeriesBuilder.Trend(40, -0.02, 0.001).Close;
        Assert.Equal(2, HindsightLabels.Compute(up, ActionSpace.LongOnly)[25]);
        Assert.Equal(0, HindsightLabels.Compute(down, ActionSpace.LongOnly)[25]);
        Assert.Equal(0, HindsightLabels.Compute(down, ActionSpace.LongShort)[25]);
        Assert.Equal(-1, HindsightLabels.Compute(up, ActionSpace.LongOnly)[37]); // no 5 bars ahead
    }
}
