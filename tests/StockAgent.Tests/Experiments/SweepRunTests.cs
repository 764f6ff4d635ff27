using StockAgent.Evaluation;
using StockAgent.Experiments;
using StockAgent.Tests.Pipeline;
using StockAgent.Tests.Support;
using Xunit;

namespace StockAgent.Tests.Experiments;

[Collection(TorchCollection.Name)]
public class SweepRunTests
{
    // Two configurations (GRPO's kl_coef) x one seed on the pipeline tests' tiny market: one shared SFT, two GRPO runs.
    private static SweepConfig Tiny(string folder, params string[] kl)
    {
        var path = Path.Combine(folder, "tiny.yaml");
        File.WriteAllText(path, "name: tiny\nseeds: [3]\nfixed:\n  sft_epochs: 1\n  hidden: [16]\n  num_iterations: 1\n  batch_size: 4\n  group_size: 4\n" +
                                "  validate_every: 1\n  checkpoint_every: 1\nspace:\n  kl_coef: [" + string.Join(", ", kl.Length == 0 ? ["0.02", "0.1"] : kl) + "]\n");
        return SweepConfig.Load(path);
    }

    private static SweepSettings Settings(string dir) => new() { Directory = dir, Resamples = 100 };

    private static int RunFolders(string dir) => Directory.GetDirectories(Path.Combine(dir, SweepRun.RunsFolder)).Length;

    private static int Registered(string dir)
    {
        using var registry = ExperimentRegistry.Open(Path.Combine(dir, ExperimentRegistry.DefaultFileName), readOnly: true);
        return registry.Trials().Count;
    }

    [Fact]
    public void Trains_every_trial_registers_each_run_chooses_by_validation_and_scores_the_test_sets_once()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "sweep");
        var config = Tiny(tmp.Path);
        var result = SweepRun.Run(ContinuousPipelineTests.Context.Value, config, Settings(dir));

        var trials = result.State.Trials;
        Assert.Equal(["c00-s3", "c01-s3"], trials.Select(t => t.Id));
        Assert.Single(trials.Select(t => t.SftModel).Distinct()); // kl_coef is GRPO's: both trials start from one SFT model
        Assert.Equal(3, RunFolders(dir));                        // 1 SFT + 2 GRPO
        Assert.Equal(3, Registered(dir));                        // every training run is a trial of the deflated Sharpe ratio
        Assert.All(trials, t => Assert.True(File.Exists(Path.Combine(t.Model, "model.json"))));

        // The choice is the better mean validation Sharpe (one seed: the trial's own), and it is the model scored.
        var (expected, _) = SweepRun.Choose(result.State, config);
        Assert.Equal(expected, result.State.ChosenConfiguration);
        var best = trials.Single(t => t.Configuration == expected);
        Assert.Equal(best.Model, result.State.Chosen);
        Assert.True(result.ScoredNow);
        Assert.Equal(3, result.Test!.Sets.Count);
        Assert.Equal(3, result.Test.Trials!.Trials);
        Assert.Equal("model", result.Test.Sets[0].Scores[0].Kind);
        Assert.Contains(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(best.Model))!)!, result.Test.Sets[0].Scores[0].Name);
        Assert.Single(result.Validation!.Sets);
        Assert.Equal("validation", result.Validation.Sets[0].Set.Name);
        Assert.Equal(ContinuousPipelineTests.Context.Value.Resolved.ValidationStart, result.Validation.Sets[0].Set.From);
        // The validation record's model row is the model's validation Sharpe of the trial (same backtest and costs).
        Assert.Equal(best.Validation.Sharpe, result.Validation.Sets[0].Scores[0].Statistics.Sharpe, 9);

        // Run again: nothing trains and the test sets are not scored a second time.
        var again = SweepRun.Run(ContinuousPipelineTests.Context.Value, config, Settings(dir));
        Assert.False(again.ScoredNow);
        Assert.Equal(result.State.TestEvaluation, again.State.TestEvaluation);
        Assert.Equal(3, RunFolders(dir));
        Assert.Equal(3, Registered(dir));
        Assert.Equal(result.Test.Sets[0].Scores[0].Statistics.Sharpe, again.Test!.Sets[0].Scores[0].Statistics.Sharpe);
    }

    [Fact]
    public void A_sweep_killed_mid_way_resumes_without_repeating_finished_trials()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "sweep");
        var config = Tiny(tmp.Path);
        // The "kill": an exception as the second trial starts (what is on disk is what a killed process leaves).
        Assert.Throws<OperationCanceledException>(() => SweepRun.Run(ContinuousPipelineTests.Context.Value, config, Settings(dir),
            log: line => { if (line.StartsWith("trial 2/", StringComparison.Ordinal)) throw new OperationCanceledException("killed"); }));
        var killed = SweepState.TryLoad(dir)!;
        Assert.Equal(["c00-s3"], killed.Trials.Select(t => t.Id));
        Assert.Null(killed.TestEvaluation);
        Assert.Equal(2, RunFolders(dir));

        var lines = new List<string>();
        var resumed = SweepRun.Run(ContinuousPipelineTests.Context.Value, config, Settings(dir), lines.Add);
        Assert.Contains(lines, l => l.StartsWith("resuming sweep tiny: 1 of 2 trials finished", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("(c00-s3)", StringComparison.Ordinal)); // the finished trial is not trained again
        Assert.Equal((killed.Trials[0].Model, killed.Trials[0].Validation, killed.Trials[0].Seconds), (resumed.State.Trials[0].Model, resumed.State.Trials[0].Validation, resumed.State.Trials[0].Seconds));
        Assert.Equal(["c00-s3", "c01-s3"], resumed.State.Trials.Select(t => t.Id));
        Assert.Equal(3, RunFolders(dir)); // only the second trial's GRPO run was added (its SFT model is the shared one)
        Assert.Equal(3, Registered(dir));
        Assert.True(resumed.ScoredNow);
    }

    [Fact]
    public void Stopping_between_trials_keeps_what_is_finished_and_a_folder_of_another_sweep_is_refused()
    {
        using var tmp = new TempFolder();
        var dir = Path.Combine(tmp.Path, "sweep");
        int asked = 0;
        var stopped = SweepRun.Run(ContinuousPipelineTests.Context.Value, Tiny(tmp.Path), Settings(dir), stopRequested: () => ++asked > 1);
        Assert.Single(stopped.State.Trials);
        Assert.Null(stopped.Test);
        Assert.Null(stopped.State.Chosen);

        var e = Assert.Throws<InvalidDataException>(() => SweepRun.Run(ContinuousPipelineTests.Context.Value, Tiny(tmp.Path, "0.5", "0.7"), Settings(dir)));
        Assert.Contains(SweepState.FileName, e.Message);
        Assert.Contains("another sweep", e.Message);
        Assert.Single(SweepState.TryLoad(dir)!.Trials); // nothing was lost
    }
}
