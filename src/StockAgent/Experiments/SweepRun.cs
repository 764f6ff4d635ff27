using StockAgent.Evaluation;
using System.Diagnostics;
using System.Globalization;
using StockAgent.Training;

namespace StockAgent.Experiments;

/// <summary>
/// A registered sweep (<see cref="SweepConfig"/>): every configuration x seed is a trial that trains SFT (shared by the
/// trials whose SFT keys and seed agree) and then GRPO from it through <see cref="TrainingSession"/>, so every training
/// run is recorded in the sweep's experiment registry (experiments.db in its folder; the deflated Sharpe ratio counts
/// them). A trial is scored on the validation period only (<see cref="ValidationCheck"/>); its model is GRPO's best, or
/// the SFT model when GRPO did not beat it. The chosen configuration has the best mean validation Sharpe over its seeds,
/// configurations whose every seed made at least <see cref="ModelSelection.MinTrades"/> trades first; its model is its
/// best seed's, or the ensemble of its <see cref="SweepConfig.EnsembleTop"/> best seeds. That one model is then scored,
/// with the baselines, on the validation period (marked as used for selection) and once on the test sets; a rerun never
/// scores them again. sweep.json is rewritten after every step, so a killed sweep resumes with the trials it had not
/// finished (a trial killed during GRPO trains its GRPO again; a finished SFT is reused).
/// </summary>
public static class SweepRun
{
    public const string RunsFolder = "runs";
    public const string ValidationFolder = "validation";
    public const string TestFolder = "test";

    /// <summary>Runs or resumes the sweep in <paramref name="settings"/>' folder. <paramref name="onTrial"/> gets each
    /// finished trial (with how many are done and the total); <paramref name="stopRequested"/> is asked between trials
    /// (true: stop, keeping what is finished).</summary>
    public static SweepResult Run(ExperimentContext context, SweepConfig config, SweepSettings settings, Action<string>? log = null,
        Action<SweepTrialResult, int, int>? onTrial = null, Func<bool>? stopRequested = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        if (context.Resolved.ValidationStart is null)
            throw new ArgumentException("a sweep chooses its configuration on the split's validation period, and this split has none.", nameof(context));
        config.Check();
        var configurations = config.Expand();
        var dir = settings.Directory;
        System.IO.Directory.CreateDirectory(dir);
        var state = SweepState.TryLoad(dir);
        string fingerprint = config.Fingerprint();
        if (state is not null)
        {
            if (state.ConfigFingerprint != fingerprint)
                throw new InvalidDataException($"{Path.Combine(dir, SweepState.FileName)}: this folder holds another sweep ({state.Name}, {state.Configurations} configurations x {state.Seeds} seeds); " +
                                               "its configurations differ from the config's. Give another folder, or restore the config it was started with.");
            if (state.DataFingerprint != context.Data.Fingerprint)
                throw new InvalidDataException($"{Path.Combine(dir, SweepState.FileName)}: the sweep trained on other data (fingerprint {state.DataFingerprint[..12]}, this market {context.Data.Fingerprint[..12]}).");
            log?.Invoke($"resuming sweep {state.Name}: {state.Trials.Count} of {configurations.Count * config.Seeds.Count} trials finished");
        }
        state ??= new SweepState
        {
            Name = config.Name, ConfigFingerprint = fingerprint, DataFingerprint = context.Data.Fingerprint, Command = settings.Command,
            Started = DateTimeOffset.UtcNow, Configurations = configurations.Count, Seeds = config.Seeds.Count,
        };
        state.Save(dir);
        var clock = Stopwatch.StartNew();
        double before = state.Seconds;
        string runs = Path.Combine(dir, RunsFolder), registry = Path.Combine(dir, ExperimentRegistry.DefaultFileName);
        int total = configurations.Count * config.Seeds.Count;
        var done = state.Trials.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var sftScores = new Dictionary<string, ValidationMetrics>(StringComparer.Ordinal); // an SFT model shared by trials is scored once

        for (int c = 0; c < configurations.Count; c++)
        foreach (var seed in config.Seeds)
        {
            string id = TrialId(c, seed);
            if (done.Contains(id)) continue;
            if (stopRequested?.Invoke() == true)
            {
                log?.Invoke($"stopped: {state.Trials.Count} of {total} trials finished; run the same command again to carry on");
                return new SweepResult(state with { Seconds = before + clock.Elapsed.TotalSeconds }, null, null, false);
            }
            var trialClock = Stopwatch.StartNew();
            var overrides = configurations[c].Append($"seed={seed.ToString(CultureInfo.InvariantCulture)}").ToList();
            log?.Invoke($"trial {state.Trials.Count + 1}/{total} ({id}): {Describe(configurations[c])}, seed {seed}");
            string sftKey = SftKey(overrides);
            if (!state.SftModels.TryGetValue(sftKey, out var sftModel) || !File.Exists(Path.Combine(sftModel, Agents.NeuralPolicy.MetadataFile)))
            {
                sftModel = Train(context, TrainingConfig.Load(null, overrides, "sft"), runs, registry, null, settings.Command, log).BestModel;
                state = state with { SftModels = new Dictionary<string, string>(state.SftModels) { [sftKey] = sftModel } };
                state.Save(dir);
            }
            var grpo = Train(context, TrainingConfig.Load(null, overrides, "grpo"), runs, registry, sftModel, settings.Command, log);
            if (!sftScores.TryGetValue(sftModel, out var sftMetrics)) sftScores[sftModel] = sftMetrics = ValidationCheck.Of(context, sftModel);
            var grpoMetrics = ValidationCheck.Of(context, grpo.BestModel);
            var chosen = ModelSelection.IsBetter(grpoMetrics, sftMetrics) ? grpoMetrics : sftMetrics;
            var trial = new SweepTrialResult(id, c, seed, configurations[c], sftModel, grpo.RunDirectory, chosen.Model, chosen, trialClock.Elapsed.TotalSeconds);
            state = state with { Trials = [.. state.Trials, trial], Seconds = before + clock.Elapsed.TotalSeconds };
            state.Save(dir);
            log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"trial {id}: validation Sharpe {chosen.Sharpe:F2} (buy-and-hold {chosen.BuyAndHoldSharpe:F2}), {chosen.Trades} trades, {(chosen.Model == sftModel ? "SFT model" : "GRPO model")}, {trial.Seconds:F0} s"));
            onTrial?.Invoke(trial, state.Trials.Count, total);
        }

        if (state.Chosen is null)
        {
            var (configuration, spec) = Choose(state, config);
            state = state with { ChosenConfiguration = configuration, Chosen = spec };
            state.Save(dir);
            log?.Invoke($"chosen by validation: configuration {configuration} ({Describe(configurations[configuration])}) -> {spec}");
        }

        EvaluationReport? validation = null, test;
        bool scoredNow = false;
        var evaluation = new EvaluationSettings { Models = [state.Chosen!], Resamples = settings.Resamples, Seed = settings.EvaluationSeed, Registry = registry };
        if (state.ValidationEvaluation is null)
        {
            validation = EvaluationRun.Run(context, evaluation with { ValidationPeriod = true }, log);
            state = state with { ValidationEvaluation = EvaluationRecord.Write(validation, Path.Combine(dir, ValidationFolder)) };
            state.Save(dir);
        }
        else validation = EvaluationRecord.Load(state.ValidationEvaluation);
        if (state.TestEvaluation is null)
        {
            test = EvaluationRun.Run(context, evaluation, log);
            state = state with { TestEvaluation = EvaluationRecord.Write(test, Path.Combine(dir, TestFolder)) };
            scoredNow = true;
        }
        else
        {
            log?.Invoke($"the test sets were scored already ({state.TestEvaluation}); a sweep scores them once.");
            test = EvaluationRecord.Load(state.TestEvaluation);
        }
        state = state with { Seconds = before + clock.Elapsed.TotalSeconds };
        state.Save(dir);
        return new SweepResult(state, validation, test, scoredNow);
    }

    /// <summary>The chosen configuration (best mean validation Sharpe over its seeds; configurations whose every seed
    /// traded at least <see cref="ModelSelection.MinTrades"/> times first) and its model spec.</summary>
    public static (int Configuration, string Spec) Choose(SweepState state, SweepConfig config)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(config);
        if (state.Trials.Count == 0) throw new InvalidOperationException("a sweep with no finished trial has nothing to choose.");
        var best = state.Trials.GroupBy(t => t.Configuration)
            .Select(g => (Configuration: g.Key, Enough: g.All(t => t.Validation.Trades >= ModelSelection.MinTrades),
                Mean: g.Select(t => t.Validation.Sharpe).Where(double.IsFinite).DefaultIfEmpty(double.NegativeInfinity).Average(),
                Trials: g.OrderByDescending(t => double.IsFinite(t.Validation.Sharpe) ? t.Validation.Sharpe : double.NegativeInfinity).ThenBy(t => t.Seed).ToList()))
            .OrderByDescending(x => x.Enough).ThenByDescending(x => x.Mean).ThenBy(x => x.Configuration).First();
        string spec = config.EnsembleTop >= 2 && best.Trials.Count >= 2
            ? "ensemble:" + string.Join(",", best.Trials.Take(config.EnsembleTop).Select(t => t.Model))
            : best.Trials[0].Model;
        return (best.Configuration, spec);
    }

    /// <summary>The trial's id: configuration index and seed, e.g. "c07-s7".</summary>
    public static string TrialId(int configuration, int seed) => string.Create(CultureInfo.InvariantCulture, $"c{configuration:00}-s{seed}");

    /// <summary>A configuration's searched values in one line ("reward=pnl, kl_coef=0.1").</summary>
    public static string Describe(IReadOnlyList<string> overrides) => overrides.Count == 0 ? "defaults" : string.Join(", ", overrides);

    // The overrides SFT reads (its keys, the seed among them): trials that agree on them share one SFT model.
    private static string SftKey(IEnumerable<string> overrides)
    {
        var sft = TrainingConfig.Keys.Where(k => k.Algorithms.Contains("sft")).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        return string.Join(";", overrides.Where(o => sft.Contains(o[..o.IndexOf('=')])).Order(StringComparer.Ordinal));
    }

    private static TrainingSessionResult Train(ExperimentContext context, TrainingOptions options, string runs, string registry, string? initFrom, string command, Action<string>? log)
    {
        using var session = TrainingSession.Create(context, options, new TrainingSessionSettings
        {
            OutputRoot = runs, InitFrom = initFrom, Registry = registry, Command = command,
        }, log);
        return session.Run();
    }
}
