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

    [Fact]
    public void Ppo_DifferentialSharpeStepReward_IsEachStepsD_AndTrains()
    {
        using var policy = SmallRlSetup.Sft();
        var options = (PpoOptions)TrainingConfig.Load(null, ["step_reward=differential-sharpe", "step_reward_scale=0.5", "batch_size=8", "epochs=1", "minibatch_steps=256", "seed=2"], "ppo");
        using var trainer = new PpoTrainer(SmallRlSetup.Market, SmallRlSetup.Split, policy, options);
        var log = trainer.Step(1);
        Assert.True(double.IsFinite(log.Loss));
        foreach (var t in trainer.LastRollouts)
        {
            var r = PpoTrainer.StepRewards(t, options);
            var dsr = new StockAgent.Statistics.DifferentialSharpeRatio();
            for (int k = 0; k < t.Steps; k++) Assert.Equal(0.5 * dsr.Next(t.Rewards[k]), r[k], 15);
            Assert.Equal(0.5 * t.Stats.DifferentialSharpe, r.Sum(), 9); // the episode's sum is the stats' differential Sharpe
        }
        Assert.Equal(trainer.LastRollouts[0].Rewards.Select(x => 0.5 * x), PpoTrainer.StepRewards(trainer.LastRollouts[0], options with { StepReward = "return" }));
        Assert.Contains("step_reward must be return or differential-sharpe",
            Assert.Throws<InvalidDataException>(() => TrainingConfig.Load(null, ["step_reward=dsr"], "ppo")).Message);
    }
}
