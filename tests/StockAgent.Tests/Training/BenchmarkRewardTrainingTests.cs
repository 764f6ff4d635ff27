using StockAgent.Rewards;
using StockAgent.Tests.Support;
using StockAgent.Training;

namespace StockAgent.Tests.Training;

/// <summary>GRPO trains on the benchmark-relative rewards online; replaying episodes without the benchmark (an older
/// library) stops with the reward's error, and a reward that gives NaN never reaches the optimiser.</summary>
[Collection(TorchCollection.Name)]
public class BenchmarkRewardTrainingTests
{
    private static GrpoOptions Options(string reward) => (GrpoOptions)TrainingConfig.Load(null,
        [$"reward={reward}", "batch_size=4", "group_size=4", "epochs=1", "minibatch_steps=256", "seed=2"], "grpo");

    [Theory]
    [InlineData("excess-return")]
    [InlineData("excess-sharpe")]
    [InlineData("differential-sharpe")]
    public void Grpo_OnABenchmarkReward_TrainsOnline_AndRefusesEpisodesWithoutTheFields(string reward)
    {
        using var policy = SmallRlSetup.Sft();
        using var trainer = new GrpoTrainer(SmallRlSetup.Market, SmallRlSetup.Split, policy, Options(reward));
        var log = trainer.Step(1);
        Assert.True(double.IsFinite(log.RewardMean) && double.IsFinite(log.Loss), $"reward mean {log.RewardMean}, loss {log.Loss}");
        var rollouts = trainer.LastRollouts;
        Assert.Equal(rollouts.Select(t => RewardFunctions.ByName(reward)(t.Stats)), rollouts.Select(t => t.Reward));

        var old = rollouts.Select(t => t with { Stats = t.Stats with { BenchmarkReturn = double.NaN, BenchmarkSharpe = double.NaN, DifferentialSharpe = double.NaN } }).ToList();
        var ex = Assert.Throws<InvalidDataException>(() => trainer.Update(2, old));
        Assert.Contains($"reward {reward} needs", ex.Message);
    }

    [Fact]
    public void Update_WithARewardThatGivesNaN_StopsBeforeTheOptimiser()
    {
        using var policy = SmallRlSetup.Sft();
        using var trainer = new GrpoTrainer(SmallRlSetup.Market, SmallRlSetup.Split, policy, Options("composite") with { Reward = s => s.Trades > 0 ? double.NaN : 0 });
        var weights = policy.Network.AdapterParameters().Select(p => p.detach().clone().data<float>().ToArray()).ToList();
        var ex = Assert.Throws<InvalidOperationException>(() => trainer.Step(1));
        Assert.Contains("gave NaN for the episode of", ex.Message);
        Assert.Equal(weights, policy.Network.AdapterParameters().Select(p => p.detach().data<float>().ToArray()).ToList());
    }
}
