using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

/// <summary>`stockagent train` with the sizing and reward keys: SFT on five actions with volatility targeting, then GRPO
/// on the excess Sharpe; the models keep the actions and the sizing, the rollouts their benchmark.</summary>
[Collection(TorchCollection.Name)]
public class SizingCommandTests
{
    [Fact]
    public void Train_FiveActionsVolTarget_ThenGrpoOnExcessSharpe()
    {
        using var dir = new TempFolder();
        var sft = CliRunner.Run("train", "--algorithm", "sft", "--out", dir.Path, "--set", "sft_epochs=1", "--set", "hidden=[16]",
            "--set", "actions=[0,0.25,0.5,0.75,1]", "--set", "vol_target=0.15", "--set", "risk_aversion=30");
        Assert.True(sft.ExitCode == 0, sft.Stderr);
        var sftRun = Directory.GetDirectories(dir.Path, "rl_sft_run_*").Single();
        Assert.Contains("actions: [0, 0.25, 0.5, 0.75, 1]", File.ReadAllText(Path.Combine(sftRun, "config.yaml")));
        Assert.Contains("vol_target: 0.15", File.ReadAllText(Path.Combine(sftRun, "config.yaml")));
        var model = Path.Combine(sftRun, "models", "final");

        var grpo = CliRunner.Run("train", "--algorithm", "grpo", "--init-from", model, "--out", dir.Path, "--num-iterations", "1",
            "--set", "batch_size=4", "--set", "group_size=4", "--set", "reward=excess-sharpe", "--library", dir.Combine("lib.db"));
        Assert.True(grpo.ExitCode == 0, grpo.Stderr);
        var final = Path.Combine(Directory.GetDirectories(dir.Path, "rl_grpo_run_*").Single(), "models", "final");
        foreach (var path in new[] { model, final })
        {
            using var policy = NeuralPolicy.Load(path);
            Assert.Equal([0, 0.25, 0.5, 0.75, 1], policy.Metadata.Actions);
            Assert.Equal(new VolatilityTarget(0.15), policy.Metadata.Sizing);
        }
        using var lib = ExperienceLibrary.Open(dir.Combine("lib.db"), readOnly: true);
        var stored = lib.Load(lib.Query().Select(s => s.Id));
        Assert.Equal(16, stored.Count);
        Assert.All(stored, t => Assert.True(double.IsFinite(t.Stats.BenchmarkReturn) && double.IsFinite(t.Stats.DifferentialSharpe)));
        Assert.Contains(stored, t => t.Exposures.Any(e => e > 0 && e < 0.9)); // sized and intermediate positions were held
        Assert.Equal("excess-sharpe", lib.Batches().Single().RewardName);
    }

    [Fact]
    public void TrainHelp_ListsTheSizingAndRewardKeys()
    {
        var help = CliRunner.Run("train", "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var key in new[] { "actions = [0, 0.5, 1] (sft)", "vol_target = 0 (sft)", "vol_lookback = 20 (sft)", "vol_cap = 1 (sft)" })
            Assert.Contains(key, help.Stdout);
    }
}
