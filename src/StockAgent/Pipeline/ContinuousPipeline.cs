using System.Diagnostics;
using System.Globalization;
using StockAgent.Evaluation;
using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.IO;
using StockAgent.Training;

namespace StockAgent.Pipeline;

/// <summary>
/// The kit's main job: collect, train and evaluate in a loop until the goals are met on validation or the budget is
/// spent, then confirm once on the untouched test sets. Each step is a library call a notebook makes the same way
/// (<see cref="CollectionRun"/>, <see cref="TrainingSession"/>, <see cref="ValidationCheck"/>, <see cref="EvaluationRun"/>),
/// and the state is saved after every step (<see cref="PipelineState"/>), so rerunning resumes. Collection: the best
/// model so far (sampling, in GRPO groups) on every other batch once there is one, the baselines in turn otherwise, from
/// balanced start states of the training period and symbols. Training every <see cref="PipelineSettings.TrainingInterval"/>
/// batches: SFT once on the library's balanced top trajectories, then GRPO (or PPO) from the best model, offline on the
/// batches since the last session (online, appending its rollouts to the library, when those hold no sampled groups).
/// Validation after every session and every <see cref="PipelineSettings.EvaluationInterval"/> batches; the best model
/// is the one with the best validation Sharpe over enough trades (<see cref="IsBetter"/>). The test sets are scored once, at the end, and never choose a model.
/// A training session that a kill interrupted (<see cref="PipelineState.ActiveTraining"/>) is carried on first on the
/// rerun, from its newest checkpoint when it has one (<see cref="SessionResume"/>).
/// </summary>
public static class ContinuousPipeline
{
    private static readonly string[] Baselines = ["sma-crossover", "momentum", "mean-reversion", "buy-and-hold", "random"];

    public const string LibraryFile = "experience.db";
    public const string TrainingFolder = "training_runs";
    public const string ConfirmationFolder = "evaluation";

    /// <param name="onState">Receives the state after every save (for progress displays).</param>
    /// <param name="cancel">Stops the loop between steps (the current step finishes); the run then still confirms.</param>
    public static PipelineState Run(ExperimentContext context, PipelineSettings settings, Action<string>? log = null,
        Action<PipelineState>? onState = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        settings.Validate();
        settings = settings with { RunDirectory = Path.GetFullPath(settings.RunDirectory) }; // the state names models by full path
        var run = settings.RunDirectory;
        using var folderLock = RunFolderLock.Acquire(run);
        var state = PipelineState.TryLoad(run);
        if (state is { Status: PipelineStatus.Done, Report: null, Confirmation: not null })
        {
            log?.Invoke($"{run} is done but has no report yet: publishing it");
            state = Publish(run, state, log);
            state.Save(run);
            onState?.Invoke(state);
            return state;
        }
        if (state is { Status: PipelineStatus.Done })
        {
            log?.Invoke($"{run} is done ({state.StopReason}); its state is {PipelineState.PathIn(run)}. Give another --run folder to start again.");
            return state;
        }
        if (state is not null) log?.Invoke($"resuming {run}: {state.Batches} batches, {state.Trajectories:N0} trajectories, {state.Sessions} sessions");
        var now = DateTimeOffset.UtcNow;
        state ??= new PipelineState { Goals = settings.Goals, Started = now, Updated = now };
        state = state with { Goals = settings.Goals, Status = PipelineStatus.Collecting, Error = null, StopReason = null, Command = settings.Command ?? state.Command };
        double previous = state.Seconds;
        var clock = Stopwatch.StartNew();
        string library = Path.Combine(run, LibraryFile);
        state = Reconcile(state, library, log);

        var saved = state; // the last state written: a failure is recorded on it (a step may have saved more than the loop holds)
        void Save(PipelineState s)
        {
            s.Save(run);
            saved = s;
            onState?.Invoke(s);
        }

        // Applies a step's changes once, appends it to the history (a "train" or "evaluate" step with the validation
        // check it made, which both store as Latest) and saves.
        PipelineState Step(PipelineState s, string kind, string detail, Stopwatch step, Func<PipelineState, PipelineState> with)
        {
            var changed = with(s);
            var validation = kind is "train" or "evaluate" ? changed.Latest : null;
            var next = changed.After(new PipelineStep(DateTimeOffset.UtcNow, kind, detail, changed.Trajectories, step.Elapsed.TotalSeconds, validation),
                previous + clock.Elapsed.TotalSeconds);
            Save(next);
            return next;
        }

        try
        {
            Save(state);
            while (true)
            {
                if (state.Confirmation is not null) break; // killed after the test sets were scored: they are scored once per run
                if (state.GoalsMet) { state = state with { StopReason = "goals met on validation" }; break; }
                if (cancel.IsCancellationRequested) { state = state with { StopReason = "stopped by the user" }; break; }
                if (settings.MaxHours is { } h && previous + clock.Elapsed.TotalSeconds > h * 3600) { state = state with { StopReason = $"time budget of {h.ToString(CultureInfo.InvariantCulture)} h spent" }; break; }
                if (state.Sessions >= settings.MaxSessions) { state = state with { StopReason = $"session budget of {settings.MaxSessions} spent" }; break; }

                // A training session that a kill interrupted carries on before anything else: it was due after the last batch.
                bool interrupted = state.ActiveTraining is not null;
                if (!interrupted) state = Collect(context, settings, state, library, log, Save, Step);
                int batch = state.Batches;
                bool evaluate = !interrupted && batch % settings.EvaluationInterval == 0 && state.BestModel is not null;
                if (interrupted || batch % settings.TrainingInterval == 0 && !cancel.IsCancellationRequested)
                {
                    state = Train(context, settings, state, library, log, Save, Step, cancel);
                    evaluate = true;
                }
                if (evaluate && state.BestModel is not null)
                {
                    var step = Stopwatch.StartNew();
                    state = state with { Status = PipelineStatus.Evaluating };
                    Save(state);
                    var latest = ValidationCheck.Of(context, state.BestModel);
                    state = Step(state, "evaluate", Describe(latest), step,
                        s => s with { Latest = latest, GoalsMet = s.Goals.MetBy(s.Trajectories, s.Best) });
                }
            }

            // Stopped by the user: rerunning the same command carries on; otherwise the run is done.
            bool stopped = cancel.IsCancellationRequested && !state.GoalsMet;
            if (state.ActiveTraining is { } left && !stopped)
            {
                log?.Invoke($"session {left.Session} ({left.Algorithm}), which was interrupted, is not carried on: {state.StopReason}");
                state = state with { ActiveTraining = null };
            }
            state = Confirm(context, settings, state, log, Save, Step);
            state = state with
            {
                Status = stopped ? PipelineStatus.Stopped : PipelineStatus.Done,
                Updated = DateTimeOffset.UtcNow, Seconds = previous + clock.Elapsed.TotalSeconds,
            };
            state = Publish(run, state, log);
            Save(state);
            return state;
        }
        catch (Exception ex)
        {
            state = saved with { Status = PipelineStatus.Failed, Error = ex.Message, Updated = DateTimeOffset.UtcNow, Seconds = previous + clock.Elapsed.TotalSeconds };
            try { Save(state); } catch (IOException) { } // the disk may be what failed: the last good state stays
            throw;
        }
    }

    /// <summary>A kill between a batch's commit and the state's write leaves a collected batch the state does not count
    /// (count it), or rollouts of an online session that did not finish (kept in the library, not counted as a batch).</summary>
    private static PipelineState Reconcile(PipelineState state, string library, Action<string>? log)
    {
        if (!File.Exists(library)) return state;
        using var lib = ExperienceLibrary.Open(library, readOnly: true);
        var stats = lib.Stats();
        var extra = stats.Batches.Skip(state.LibraryBatches).ToList();
        if (extra.Count == 0) return state;
        int collected = extra.Count(b => !b.PolicyVersion.Contains("+it", StringComparison.Ordinal)); // online training tags its rollouts "+itN"
        log?.Invoke($"the library holds {extra.Count} batch(es) committed after the last saved state ({collected} collected, {extra.Count - collected} " +
                    "from an unfinished training session): the state counts them now");
        var steps = extra.Where(b => !b.PolicyVersion.Contains("+it", StringComparison.Ordinal)).Select((b, k) =>
            new PipelineStep(DateTimeOffset.UtcNow, "collect", $"batch {state.Batches + k + 1}: {b.Trajectories:N0} trajectories by {b.PolicyId} (recovered from the library)", stats.Trajectories, 0));
        return state with
        {
            Batches = state.Batches + collected, Trajectories = stats.Trajectories, LibraryBatches = stats.Batches.Count, History = [.. state.History, .. steps],
        };
    }

    /// <summary>Collects one batch into the library: the best model (sampling, in GRPO groups) on every other batch once
    /// there is one, the baselines in turn otherwise. A batch is one transaction: it finishes, the loop stops before the next.</summary>
    private static PipelineState Collect(ExperimentContext context, PipelineSettings settings, PipelineState state, string library, Action<string>? log,
        Action<PipelineState> save, Func<PipelineState, string, string, Stopwatch, Func<PipelineState, PipelineState>, PipelineState> step)
    {
        var clock = Stopwatch.StartNew();
        int batch = state.Batches + 1;
        bool byModel = state.BestModel is not null && batch % 2 == 1;
        // The baselines in turn: every batch before there is a model, every other batch after.
        string policy = byModel ? "model:" + state.BestModel : Baselines[(state.BestModel is null ? state.Batches : state.Batches / 2) % Baselines.Length];
        state = state with { Status = PipelineStatus.Collecting };
        save(state);
        var collected = CollectionRun.Run(context, new CollectionSettings
        {
            Policy = policy, BatchSize = settings.BatchSize, Batches = 1, Window = settings.Window, GroupSize = byModel ? settings.GroupSize : 1,
            Library = library, Seed = settings.Seed,
        }, log: log);
        return step(state, "collect", $"batch {batch}: {collected.Collected:N0} trajectories by {policy}", clock,
            s => s with { Batches = batch, Trajectories = collected.Stats.Trajectories, LibraryBatches = collected.Stats.Batches.Count });
    }

    /// <summary>One training session: SFT when there is no model yet, else GRPO or PPO from the best model, offline on
    /// the batches since the last session (online when those hold no sampled groups). The session is in the state
    /// (<see cref="PipelineState.ActiveTraining"/>) while it runs; a session a kill interrupted carries on from its newest
    /// checkpoint with the iterations left (<see cref="SessionResume"/>), or runs again from the start when it has none.</summary>
    private static PipelineState Train(ExperimentContext context, PipelineSettings settings, PipelineState state, string library, Action<string>? log,
        Action<PipelineState> save, Func<PipelineState, string, string, Stopwatch, Func<PipelineState, PipelineState>, PipelineState> step, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        int session = state.Sessions + 1;
        var output = Path.Combine(settings.RunDirectory, TrainingFolder);
        TrainingOptions options;
        TrainingSessionSettings where;
        if (state.BestModel is null)
        {
            options = new SftOptions { Epochs = settings.SftEpochs, Hidden = settings.Hidden, Seed = settings.Seed + session, ValidateEvery = 1, CheckpointEvery = 1 };
            where = new TrainingSessionSettings { OutputRoot = output, Library = library, NumTrajectories = (int)Math.Min(settings.SftTopTrajectories, state.Trajectories), Command = "pipeline: sft" };
        }
        else
        {
            options = settings.Algorithm == "ppo"
                ? new PpoOptions { Iterations = settings.IterationsPerSession, GroupSize = settings.GroupSize, GroupsPerIteration = settings.GroupsPerIteration, Seed = settings.Seed + session, ValidateEvery = 1, CheckpointEvery = 1 }
                : new GrpoOptions { Iterations = settings.IterationsPerSession, GroupSize = settings.GroupSize, GroupsPerIteration = settings.GroupsPerIteration, Seed = settings.Seed + session, ValidateEvery = 1, CheckpointEvery = 1 };
            where = new TrainingSessionSettings
            {
                OutputRoot = output, InitFrom = state.BestModel, Library = library, NumTrajectories = settings.TrainingInterval * settings.BatchSize,
                Command = $"pipeline: {settings.Algorithm} offline",
            };
        }

        var interrupted = state.ActiveTraining;
        var resume = interrupted is null ? null : SessionResume.Find(interrupted, options.Algorithm);
        // Until the new run folder exists, the state keeps what an interrupted session had (its checkpoints stay the place to carry on from).
        state = state with { Status = PipelineStatus.Training, ActiveTraining = interrupted ?? new ActiveTraining(session, options.Algorithm, null, options.TotalIterations, where.NumTrajectories) };
        save(state);
        TrainingSession created;
        if (interrupted is not null && resume is { Checkpoint: { } checkpoint })
        {
            // Carry on where the kill stopped it: the checkpoint holds the iteration, Adam's state and early stopping's record.
            log?.Invoke($"session {session} ({interrupted.Algorithm}) was interrupted: resuming it from {checkpoint}, as {resume.Reason}; " +
                        $"{interrupted.Iterations - resume.Iteration} of its {interrupted.Iterations} iterations to go");
            options = (RlOptions)options with { Iterations = interrupted.Iterations };
            where = where with
            {
                InitFrom = checkpoint, NumTrajectories = interrupted.NumTrajectories,
                Command = $"pipeline: {interrupted.Algorithm} {(interrupted.NumTrajectories is null ? "online" : "offline")}, resumed",
            };
            created = TrainingSession.Create(context, options, where, log);
        }
        else
        {
            if (resume is not null)
                log?.Invoke($"session {session} ({interrupted!.Algorithm}) was interrupted: running it again from the start, as {resume.Reason}");
            try
            {
                created = TrainingSession.Create(context, options, where, log);
            }
            catch (InvalidDataException ex) when (state.BestModel is not null)
            {
                log?.Invoke($"offline {settings.Algorithm} cannot train on the latest batches ({ex.Message}); training online, its rollouts go to the library");
                where = where with { NumTrajectories = null, Command = $"pipeline: {settings.Algorithm} online" };
                created = TrainingSession.Create(context, options, where, log);
            }
        }
        string? resumedFrom = resume?.Checkpoint;
        TrainingSessionResult result;
        using (created)
        {
            // The session's run folder goes into the state as soon as it exists, so that a rerun after a kill finds its checkpoints.
            result = created.Run(onRunFolder: folder =>
            {
                state = state with { ActiveTraining = new ActiveTraining(session, options.Algorithm, folder, options.TotalIterations, where.NumTrajectories, resumedFrom) };
                save(state);
            }, stopRequested: () => cancel.IsCancellationRequested); // stops after an iteration, keeping best
        }
        var metrics = ValidationCheck.Of(context, result.BestModel);
        long total;
        int batches;
        using (var lib = ExperienceLibrary.Open(library, readOnly: true))
        {
            var stats = lib.Stats();
            (total, batches) = (stats.Trajectories, stats.Batches.Count);
        }
        bool better = IsBetter(metrics, state.Best);
        string resumed = resumedFrom is null ? "" : $", resumed after iteration {resume!.Iteration}";
        return step(state, "train", $"session {session} ({options.Algorithm}, {result.Iterations} iterations{resumed}): {Describe(metrics)}{(better ? "; new best" : "; best stays")}", clock,
            s => s with
            {
                Sessions = session,
                ActiveTraining = null,
                Iterations = s.Iterations + result.Iterations,
                Trajectories = total,
                LibraryBatches = batches,
                BestModel = better ? result.BestModel : s.BestModel,
                Best = better ? metrics : s.Best,
                Latest = metrics,
                GoalsMet = s.Goals.MetBy(total, better ? metrics : s.Best),
            });
    }

    private static PipelineState Confirm(ExperimentContext context, PipelineSettings settings, PipelineState state, Action<string>? log,
        Action<PipelineState> save, Func<PipelineState, string, string, Stopwatch, Func<PipelineState, PipelineState>, PipelineState> step)
    {
        if (state.BestModel is null)
        {
            log?.Invoke("no model was trained, so there is nothing to confirm on the test sets.");
            return state;
        }
        if (state.Confirmation is not null)
        {
            log?.Invoke($"the test sets were scored already ({state.Confirmation}); they are scored once per run.");
            return state;
        }
        var clock = Stopwatch.StartNew();
        state = state with { Status = PipelineStatus.Confirming };
        save(state);
        var report = EvaluationRun.Run(context, new EvaluationSettings
        {
            Models = [state.BestModel], Resamples = settings.Resamples, Seed = settings.Seed,
            Registry = Path.Combine(settings.RunDirectory, TrainingFolder, ExperimentRegistry.DefaultFileName),
        }, log);
        var json = EvaluationRecord.Write(report, Path.Combine(settings.RunDirectory, ConfirmationFolder));
        var model = report.Sets[0].Scores[0].Statistics;
        var hold = report.Sets[0].Scores.First(s => s.Name == EvaluationRun.EqualWeightBuyAndHold).Statistics;
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"test period: Sharpe {model.Sharpe:F2} [{model.Ci95.Sharpe.Low:F2}, {model.Ci95.Sharpe.High:F2}] vs buy-and-hold {hold.Sharpe:F2}; goals {(state.GoalsMet ? "met" : "not met")}");
        return step(state, "confirm", detail, clock, s => s with { Confirmation = json });
    }

    /// <summary>Publishes the benchmark report of a confirmed run into its folder (<see cref="PipelineReport"/>); the
    /// state then names it. A run with nothing confirmed has no report.</summary>
    private static PipelineState Publish(string run, PipelineState state, Action<string>? log)
    {
        if (state.Confirmation is null) return state;
        var (report, md, html) = PipelineReport.Publish(run, state: state);
        log?.Invoke($"report: {html} and {Path.GetFileName(md)} ({(report.GoalsMet ? "goals met" : "goals not met")})");
        return state with { Report = html };
    }

    /// <summary>The pipeline's choice of best model: <see cref="ModelSelection.IsBetter"/>.</summary>
    public static bool IsBetter(ValidationMetrics candidate, ValidationMetrics? best) => ModelSelection.IsBetter(candidate, best);

    private static string Describe(ValidationMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"validation Sharpe {m.Sharpe:F2} (buy-and-hold {m.BuyAndHoldSharpe:F2}), win rate {m.WinRate:P1}, {m.Trades} trades");
}
