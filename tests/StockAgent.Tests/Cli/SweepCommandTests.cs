using StockAgent.Experiments;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

[Collection(TorchCollection.Name)]
public class SweepCommandTests
{
    private const string Tiny = "name: cli\nseeds: [1]\nfixed:\n  sft_epochs: 1\n  hidden: [16]\n  num_iterations: 1\n  batch_size: 4\n  group_size: 4\n" +
                                "  validate_every: 1\n  checkpoint_every: 1\nspace:\n  reward: [pnl, composite]\n";

    [Fact]
    public void Sweep_TrainsEachTrial_PrintsTheTrialsTheChoiceAndTheTestSetsWithDsr_ThenResumesWithoutScoringAgain()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.Combine("cli.yaml"), Tiny);
        var first = CliRunner.Run("sweep", "--config", dir.Combine("cli.yaml"), "--out", dir.Combine("sweep"), "--market-seed", "3", "--bootstrap", "100");
        Assert.True(first.ExitCode == 0, first.Stderr + first.Stdout);
        foreach (var text in new[] { "sweep cli: 2 configurations (grid over reward x2) x 1 seed(s)", "trial 1/2 (c00-s1): ", "trial 2/2 (c01-s1): ",
                     "2 of 2 trials finished", "chosen by validation: configuration ", "== validation: ", "test sets (scored once, now):",
                     "== test period: ", "DSR counts 3 trials in " })
            Assert.Contains(text, first.Stdout);
        var state = SweepState.TryLoad(dir.Combine("sweep"))!;
        Assert.Equal(2, state.Trials.Count);
        Assert.True(File.Exists(state.TestEvaluation));

        var again = CliRunner.Run("sweep", "--config", dir.Combine("cli.yaml"), "--out", dir.Combine("sweep"), "--market-seed", "3", "--bootstrap", "100");
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("resuming sweep cli: 2 of 2 trials finished", again.Stdout);
        Assert.Contains("test sets (scored once, earlier; read from the record):", again.Stdout);
        Assert.DoesNotContain("trial 1/2", again.Stdout);
    }

    [Fact]
    public void Sweep_BadConfig_OneErrorLineNamingFileAndLine_Exit2()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.Combine("bad.yaml"), "space:\n  rewards: [pnl]\n");
        var run = CliRunner.Run("sweep", "--config", dir.Combine("bad.yaml"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.yaml:2: unknown key 'rewards'; did you mean 'reward'?", run.Stderr);
        var missing = CliRunner.Run("sweep");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--config", missing.Stderr);
    }
}
