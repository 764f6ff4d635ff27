using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

[Collection(TorchCollection.Name)]
public class TrainFeaturesCommandTests
{
    [Fact]
    public void Train_SetFeaturesCrossSectional_SavesAModelOfTheRanks_ThatGrpoTrains()
    {
        using var dir = new TempFolder();
        var sft = CliRunner.Run("train", "--algorithm", "sft", "--out", dir.Path, "--set", "sft_epochs=1", "--set", "hidden=[8]",
            "--set", "lora_rank=2", "--set", "features=cross-sectional");
        Assert.True(sft.ExitCode == 0, sft.Stderr);
        var run = Directory.GetDirectories(dir.Path, "rl_sft_run_*").Single();
        Assert.Contains("features: cross-sectional", File.ReadAllText(Path.Combine(run, "config.yaml")));
        var model = Path.Combine(run, "models", "final");
        using (var policy = NeuralPolicy.Load(model))
        {
            Assert.Equal(MarketObservations.Names, policy.Metadata.ObservationNames);
            Assert.Equal(MarketObservations.BaseNames.Count + 6, policy.Network.Spec.Inputs);
        }

        var grpo = CliRunner.Run("train", "--algorithm", "grpo", "--init-from", model, "--out", dir.Path, "--num-iterations", "1",
            "--set", "batch_size=4", "--set", "group_size=2");
        Assert.True(grpo.ExitCode == 0, grpo.Stderr);
        var final = Path.Combine(Directory.GetDirectories(dir.Path, "rl_grpo_run_*").Single(), "models", "final");
        using var trained = NeuralPolicy.Load(final);
        Assert.Equal(MarketObservations.Names, trained.Metadata.ObservationNames); // the model remembers its columns

        var bad = CliRunner.Run("train", "--algorithm", "sft", "--out", dir.Path, "--set", "features=momentum");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("features", bad.Stderr);
        Assert.Contains("momentum", bad.Stderr);
    }
}
