using System.Globalization;
using System.Text.Json;
using StockAgent.Evaluation;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>The continuous pipeline on a small synthetic market: the loop, its state, resuming, the budget and goals,
/// the run-folder lock and bad state files.</summary>
[Collection(TorchCollection.Name)]
public class ContinuousPipelineTests
{
    internal static readonly Lazy<ExperimentContext> Context = new(() => ExperimentContext.Load(new ExperimentSettings
    {
        Synthetic = new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = 5, SignalStrength = 1.0 },
    }));

    internal static PipelineSettings Tiny(string run) => new()
    {
        RunDirectory = run,
        Goals = new PipelineGoals(100_000, 5, 0.9),
        BatchSize = 64,
        TrainingInterval = 2,
        EvaluationInterval = 1,
        MaxSessions = 2,
        IterationsPerSession = 2,
        SftEpochs = 1,
        SftTopTrajectories = 100,
        GroupSize = 4,
        GroupsPerIteration = 4,
        Hidden = [16],
        Resamples = 100,
    };

    [Fact]
    public void Loop_CollectsTrainsEvaluatesAndConfirms_StateMatchesTheLibrary()
    {
        using var dir = new TempFolder();
        var states = new List<PipelineState>();
        var final = ContinuousPipeline.Run(Context.Value, Tiny(dir.Path), onState: states.Add);

        Assert.Equal(PipelineStatus.Done, final.Status);
        Assert.Equal("session budget of 2 spent", final.StopReason);
        Assert.Equal(2, final.Sessions);
        Assert.Equal(4, final.Batches);
        Assert.False(final.GoalsMet);
        Assert.Equal(["collect", "collect", "train", "evaluate", "collect", "evaluate", "collect", "train", "evaluate", "confirm"], final.History.Select(h => h.Kind));
        Assert.Contains("(sft,", final.History[2].Detail);
        Assert.Contains("(grpo,", final.History[7].Detail);
        // Train and evaluate steps carry the metrics of their validation check, the others none.
        Assert.All(final.History, h => Assert.Equal(h.Kind is "train" or "evaluate", h.Validation is not null));
        Assert.Equal(final.Latest, final.History.Last(h => h.Validation is not null).Validation);
        Assert.Contains(final.History, h => h.Validation == final.Best);
        Assert.All(final.History.Where(h => h.Validation is not null), h => Assert.Contains(h.Validation!.Sharpe.ToString("F2", CultureInfo.InvariantCulture), h.Detail));
        using (var library = ExperienceLibrary.Open(Path.Combine(dir.Path, ContinuousPipeline.LibraryFile), readOnly: true))
        {
            Assert.Equal(library.Stats().Trajectories, final.Trajectories);
            Assert.Equal(4, library.Batches().Count);
        }
        Assert.True(File.Exists(Path.Combine(final.BestModel!, "model.json")));
        Assert.NotNull(final.Best);
        Assert.True(double.IsFinite(final.Best!.BuyAndHoldSharpe));
        Assert.True(File.Exists(final.Confirmation));
        using (var json = JsonDocument.Parse(File.ReadAllText(final.Confirmation!)))
            Assert.Equal(3, json.RootElement.GetProperty("test_sets").GetArrayLength());
        using (var registry = ExperimentRegistry.Open(Path.Combine(dir.Path, ContinuousPipeline.TrainingFolder, ExperimentRegistry.DefaultFileName), readOnly: true))
            Assert.Equal(2, registry.Trials().Count(t => t.Kind == "train"));

        // Saved after every step, and what was saved is what the caller saw.
        Assert.True(states.Count >= final.History.Count);
        Assert.Equal(JsonSerializer.Serialize(final, PipelineState.Json), JsonSerializer.Serialize(PipelineState.TryLoad(dir.Path), PipelineState.Json));
        Assert.Contains(states, s => s.Status == PipelineStatus.Training);
    }

    [Fact]
    public void Stopped_ThenRerun_CarriesOnFromTheStateAndTheLibrary()
    {
        using var dir = new TempFolder();
        using var cancel = new CancellationTokenSource();
        var stopped = ContinuousPipeline.Run(Context.Value, Tiny(dir.Path), onState: s =>
        {
            if (s.Batches == 1) cancel.Cancel(); // Ctrl+C during the first step: it finishes, then the loop stops
        }, cancel: cancel.Token);
        Assert.Equal(PipelineStatus.Stopped, stopped.Status);
        Assert.Equal("stopped by the user", stopped.StopReason);
        Assert.Equal(1, stopped.Batches);
        Assert.Null(stopped.Confirmation); // no model yet: nothing to confirm

        var resumed = ContinuousPipeline.Run(Context.Value, Tiny(dir.Path));
        Assert.Equal(PipelineStatus.Done, resumed.Status);
        Assert.Equal(4, resumed.Batches);
        Assert.Equal(stopped.Started, resumed.Started);
        Assert.Equal(stopped.History, resumed.History.Take(stopped.History.Count));
        using var library = ExperienceLibrary.Open(Path.Combine(dir.Path, ContinuousPipeline.LibraryFile), readOnly: true);
        Assert.Equal(4, library.Batches().Count);
        Assert.Equal(library.Stats().Trajectories, resumed.Trajectories);

        var again = new List<string>();
        Assert.Equal(PipelineStatus.Done, ContinuousPipeline.Run(Context.Value, Tiny(dir.Path), again.Add).Status);
        Assert.Contains(again, l => l.Contains("is done"));
    }

    [Fact]
    public void InterruptedGrpoSession_CarriesOnFromItsNewestCheckpoint_AndEndsWhereTheUninterruptedOneDid()
    {
        using var dir = new TempFolder();
        var settings = Tiny(dir.Path) with { IterationsPerSession = 3 };
        var states = new List<PipelineState>();
        var whole = ContinuousPipeline.Run(Context.Value, settings, onState: states.Add);
        // The state as a kill during session 2 (GRPO) left it: its run folder recorded, two checkpoints written since.
        var killed = states.Last(s => s.ActiveTraining is { Session: 2, RunFolder: not null });
        var original = killed.ActiveTraining!.RunFolder!;
        Assert.Equal("grpo", killed.ActiveTraining.Algorithm);
        Assert.Equal(1, killed.Sessions);
        Directory.Delete(Path.Combine(original, "models", "checkpoint_0003"), recursive: true);
        Directory.Delete(Path.Combine(original, "models", "checkpoint_0002"), recursive: true);
        killed.Save(dir.Path);

        var lines = new List<string>();
        var resumed = ContinuousPipeline.Run(Context.Value, settings, lines.Add);

        Assert.Equal(PipelineStatus.Done, resumed.Status);
        Assert.Equal(2, resumed.Sessions);
        Assert.Null(resumed.ActiveTraining);
        Assert.Equal(whole.Iterations, resumed.Iterations);
        Assert.Single(lines, l => l.Contains("session 2 (grpo) was interrupted: resuming it from") && l.Contains("checkpoint_0001") && l.Contains("2 of its 3 iterations to go"));
        var train = resumed.History.Last(h => h.Kind == "train");
        Assert.Contains("resumed after iteration 1", train.Detail);
        var run = Directory.GetDirectories(Path.Combine(dir.Path, ContinuousPipeline.TrainingFolder), "rl_grpo_run_*").Single(d => d != original);
        Assert.StartsWith(Path.Combine(original, "models", "checkpoint_0001") + "\niteration 1", File.ReadAllText(Path.Combine(run, "resumed_from.txt")));
        using (var first = JsonDocument.Parse(File.ReadLines(Path.Combine(run, "metrics.jsonl")).First()))
            Assert.Equal(2, first.RootElement.GetProperty("step").GetInt32());
        // Resuming continues the same seeded run: the session ends with the metrics it had without the interruption.
        Assert.Equal(whole.History.Last(h => h.Kind == "train").Validation! with { Model = "" }, train.Validation! with { Model = "" });
    }

    [Fact]
    public void GoalsMetOnValidation_StopTheLoop()
    {
        using var dir = new TempFolder();
        var final = ContinuousPipeline.Run(Context.Value, Tiny(dir.Path) with { Goals = new PipelineGoals(10, -100, 0) });
        Assert.True(final.GoalsMet);
        Assert.Equal("goals met on validation", final.StopReason);
        Assert.Equal(1, final.Sessions);
        Assert.Equal(PipelineStatus.Done, final.Status);
    }

    [Fact]
    public void SecondPipelineOnOneRunFolder_IsRefused()
    {
        using var dir = new TempFolder();
        using (RunFolderLock.Acquire(dir.Path))
        {
            var e = Assert.Throws<IOException>(() => ContinuousPipeline.Run(Context.Value, Tiny(dir.Path)));
            Assert.Contains("another pipeline is running", e.Message);
        }
        using (RunFolderLock.Acquire(dir.Path)) { } // released: taken again at once
    }

    [Fact]
    public void StateWrittenBeforeStepsHadValidation_StillLoads()
    {
        using var dir = new TempFolder();
        dir.File(PipelineState.FileName, """
            {
              "format": 1, "status": "collecting", "goals": { "trajectories": 4000, "sharpe": 1.5, "win_rate": 0.55 },
              "started": "2026-12-01T13:59:30+00:00", "updated": "2026-12-01T13:59:58+00:00", "seconds": 28.5,
              "trajectories": 1000, "batches": 2, "library_batches": 2, "sessions": 1, "iterations": 3,
              "best_model": "/runs/ct/training_runs/rl_sft_run_1/models/best",
              "best": { "model": "m", "sharpe": -0.19, "win_rate": 0.361, "total_return": -0.02, "max_drawdown": 0.08, "trades": 36, "buy_and_hold_sharpe": 0.23 },
              "latest": null, "goals_met": false, "stop_reason": null, "confirmation": null, "report": null, "error": null,
              "history": [
                { "time": "2026-12-01T13:59:31+00:00", "kind": "collect", "detail": "batch 1", "trajectories": 500, "seconds": 1.2 },
                { "time": "2026-12-01T13:59:58+00:00", "kind": "train", "detail": "session 1", "trajectories": 1000, "seconds": 26.5 }
              ]
            }
            """);
        var state = PipelineState.TryLoad(dir.Path)!;
        Assert.Equal(2, state.History.Count);
        Assert.Equal("train", state.History[1].Kind);
        Assert.Equal(26.5, state.History[1].Seconds);
        Assert.All(state.History, h => Assert.Null(h.Validation));
        Assert.Equal(-0.19, state.Best!.Sharpe);
    }

    [Theory]
    [InlineData("{ not json", "is not a pipeline state")]
    [InlineData("{\"format\": 99, \"goals\": {}}", "newer than this StockAgent knows")]
    [InlineData("{\"status\": \"collecting\"}", "has no format number")]
    public void BadStateFile_IsAnErrorThatLeavesItUntouched(string text, string message)
    {
        using var dir = new TempFolder();
        var path = dir.File(PipelineState.FileName, text);
        var e = Assert.Throws<InvalidDataException>(() => ContinuousPipeline.Run(Context.Value, Tiny(dir.Path)));
        Assert.Contains(message, e.Message);
        Assert.Contains(path, e.Message);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Theory]
    [InlineData(nameof(PipelineSettings.BatchSize))]
    [InlineData(nameof(PipelineSettings.TrainingInterval))]
    [InlineData(nameof(PipelineSettings.MaxSessions))]
    public void BadSettings_NameTheSetting(string name)
    {
        var s = Tiny("x");
        s = name switch
        {
            nameof(PipelineSettings.BatchSize) => s with { BatchSize = 0 },
            nameof(PipelineSettings.TrainingInterval) => s with { TrainingInterval = 0 },
            _ => s with { MaxSessions = 0 },
        };
        Assert.Equal(name, Assert.ThrowsAny<ArgumentException>(s.Validate).ParamName);
    }
}
