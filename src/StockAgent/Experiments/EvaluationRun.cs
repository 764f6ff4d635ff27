using System.Diagnostics;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Evaluation;
using StockAgent.Experience;

namespace StockAgent.Experiments;

/// <summary>
/// Phase 3: scores models and the baselines on test sets the models never trained on. The test sets are the model's
/// own market's defaults (<see cref="TestSets.Defaults"/>: the test period on the training symbols, the held-out
/// symbols over it, the held-out symbols over their whole history), or, on another market than the models learned
/// (by data fingerprint), that whole market; <see cref="EvaluationSettings.From"/>/<see cref="EvaluationSettings.To"/>
/// cut any set. Each model's run record is checked by <see cref="TestSetGuard"/>: in-sample scoring is refused (or,
/// when allowed, marked IN-SAMPLE). A model is scored greedy, as its validation chose it. Each policy is backtested by <see cref="PolicyTester"/> and its portfolio's returns
/// get every statistic of <see cref="ReturnSeriesEvaluator"/> against the benchmark; the deflated Sharpe ratio counts
/// the trials of the experiment registry. The same seed gives the same numbers.
/// </summary>
public static class EvaluationRun
{
    public const string EqualWeightBuyAndHold = "buy-and-hold (equal weight)";
    public const string SmaCrossover = "sma-crossover 50/200";
    public const string Random = "random";

    public static EvaluationReport Run(ExperimentContext context, EvaluationSettings settings, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var clock = Stopwatch.StartNew();
        var candidates = CandidateResolver.Resolve(settings.Models);
        var models = candidates.Where(c => c.Trained).ToList();
        foreach (var m in models.Where(m => m.ModelDirectory is not null)) ModelReference.CheckMarket(m.ModelDirectory!, context, log);
        var notes = new List<string>();

        var sets = TestSetsFor(context, settings, models, notes);
        var checks = new Dictionary<(string Candidate, string Set), TestSetCheck>();
        var guard = sets.ToDictionary(s => s.Name, _ => new List<string>());
        foreach (var m in models)
        {
            if (m.Run is null)
            {
                notes.Add($"{m.Name} has no run record (run.json): the dates and symbols it trained on are unknown, so no test set could be checked against them.");
                continue;
            }
            foreach (var set in sets)
            {
                // An ensemble is checked against every member's record; its label is the worst of them.
                var memberChecks = m.Runs!.Select(r => TestSetGuard.Check(set, r.Split, settings.AllowInSample)).ToList(); // throws on in-sample unless allowed
                var check = memberChecks.FirstOrDefault(c => c.InSample) ?? memberChecks.FirstOrDefault(c => c.UsedForModelSelection) ?? memberChecks[0];
                checks[(m.Name, set.Name)] = check;
                guard[set.Name].Add($"{m.Name}: {check.Description}");
            }
        }

        var (trials, registry) = Trials(context, settings, models, notes);
        var statistics = new ReturnEvaluationOptions { Resamples = settings.Resamples, Seed = settings.Seed };
        if (trials is not null) statistics = statistics.WithTrials(trials);

        var all = candidates.Concat([
            new EvaluationCandidate(EqualWeightBuyAndHold, "baseline", "buy-and-hold"),
            new EvaluationCandidate(SmaCrossover, "baseline", "sma-crossover"),
            new EvaluationCandidate(Random, "baseline", "random"),
        ]).ToList();
        var runs = sets.ToDictionary(s => s.Name, _ => new List<PolicyTestResult>());
        foreach (var candidate in all)
        {
            // Single models were checked against the market above; an ensemble's members are checked as it loads.
            // A model is scored greedy (its most probable action), the policy its validation chose; ensembles vote greedy members.
            // A portfolio-level model is backtested as one portfolio decision per day (PolicyTester sees to it), with the same costs.
            IPolicy policy = candidate.ModelDirectory is not null ? NeuralPolicy.Load(candidate.ModelDirectory, greedy: true) : CollectionRun.Load(candidate.Spec, context, log);
            try
            {
                foreach (var set in sets)
                {
                    log?.Invoke($"backtest: {candidate.Name} on {set.Name}");
                    runs[set.Name].Add(PolicyTester.Run(candidate.Name, candidate.Kind, policy, context.Market, set, settings.Backtest, settings.Seed));
                }
            }
            finally
            {
                (policy as IDisposable)?.Dispose();
            }
        }

        var reports = new List<TestSetReport>();
        foreach (var set in sets)
        {
            var results = runs[set.Name];
            var jobs = results.Select(r => (r.Name, r.Kind, r.Returns, r.TradePnl, Symbols: r.Backtest.Portfolio.Symbols.Count, Result: (PolicyTestResult?)r)).ToList();
            if (results[0].Returns.Benchmark is { } b && context.Market.Benchmark is { } bench)
            {
                var bt = results[0].Backtest.Benchmark!;
                jobs.Add(($"{bench.Symbol} buy-and-hold", "benchmark", new ReturnSeries(results[0].Returns.Dates, b), bt.Trades.Select(t => t.Pnl).ToArray(), 1, null));
            }
            var scores = new CandidateScore[jobs.Count];
            log?.Invoke($"statistics: {jobs.Count} candidates on {set.Name}, {settings.Resamples:N0} resamples each");
            Parallel.For(0, jobs.Count, i =>
            {
                var j = jobs[i];
                var stats = ReturnSeriesEvaluator.Evaluate(j.Returns, j.TradePnl, statistics);
                string label = checks.TryGetValue((j.Name, set.Name), out var c) ? c.Label : set.Kind;
                var slices = settings.Slices && j.Result is not null ? SliceAnalysis.Of(j.Result, context.Market) : [];
                scores[i] = new CandidateScore(j.Name, j.Kind, label, j.Symbols, stats, slices, j.Returns);
            });
            reports.Add(new TestSetReport(set, guard[set.Name], scores));
        }
        if (registry is not null) RecordUnregistered(registry, context, models, reports);
        return new EvaluationReport(context.Data, context.Resolved, reports, trials, registry, settings.Resamples, settings.Seed, notes, clock.Elapsed.TotalSeconds,
            Describe(settings.Backtest));
    }

    private static List<TestSet> TestSetsFor(ExperimentContext context, EvaluationSettings settings, List<EvaluationCandidate> models, List<string> notes)
    {
        var trainedOn = models.Select(m => m.Run).FirstOrDefault(r => r is not null);
        List<TestSet> sets;
        if (settings.ValidationPeriod)
        {
            var split = trainedOn?.Split ?? context.Resolved;
            if (split.ValidationStart is not { } vs || split.ValidationEnd is not { } ve)
                throw new ArgumentException("the split has no validation period to score on.", nameof(settings));
            sets = [TestSet.Validation(split.TrainingSymbols, vs, ve)];
        }
        else if (trainedOn is not null && trainedOn.Data.Fingerprint != context.Data.Fingerprint)
        {
            var symbols = context.Market.Symbols.ToArray();
            sets = [new TestSet($"other market: {context.Data.Source}", OtherMarketKind(trainedOn.Split, context), symbols, context.Calendar[0], context.Calendar[^1])];
            notes.Add($"the models learned on {trainedOn.Data.Source} (fingerprint {trainedOn.Data.Fingerprint[..12]}); this market ({context.Data.Fingerprint[..12]}) is scored as a whole.");
        }
        else
        {
            if (trainedOn is not null && !SameSplit(trainedOn.Split, context.Resolved))
                notes.Add("the split given differs from the one the models trained with; the test sets follow the models' run record.");
            sets = TestSets.Defaults(trainedOn?.Split ?? context.Resolved, context.Calendar, settings.TestDays).ToList();
        }
        if (settings.From is not null || settings.To is not null) sets = sets.Select(s => s.Within(settings.From, settings.To)).ToList();
        return sets;
    }

    private static string OtherMarketKind(ResolvedSplit trained, ExperimentContext context)
    {
        bool later = context.Calendar[0] > trained.TrainEnd;
        bool unseen = !context.Market.Symbols.Any(s => trained.TrainingSymbols.Contains(s, StringComparer.OrdinalIgnoreCase));
        return later && unseen ? TestSet.OutOfTimeAndSymbol : later ? TestSet.OutOfTime : unseen ? TestSet.OutOfSymbolInTime : "other market";
    }

    private static bool SameSplit(ResolvedSplit a, ResolvedSplit b) =>
        a.TrainStart == b.TrainStart && a.TrainEnd == b.TrainEnd && a.TestStart == b.TestStart && a.TrainingSymbols.SequenceEqual(b.TrainingSymbols);

    private static (TrialStatistics? Trials, string? Path) Trials(ExperimentContext context, EvaluationSettings settings, List<EvaluationCandidate> models, List<string> notes)
    {
        string? path = settings.Registry;
        if (path is null && models.FirstOrDefault(m => m.Run is not null && m.ModelDirectory is not null) is { } first)
            path = Path.Combine(Path.GetDirectoryName(RunFolder(first.ModelDirectory!))!, ExperimentRegistry.DefaultFileName);
        if (path is null)
        {
            notes.Add("no experiment registry (no trained model with a run folder, no --registry): no deflated Sharpe ratio.");
            return (null, null);
        }
        if (!File.Exists(path))
        {
            notes.Add($"the experiment registry {path} does not exist: no deflated Sharpe ratio.");
            return (null, null);
        }
        using var registry = ExperimentRegistry.Open(path);
        var stats = registry.Statistics(context.Data.Fingerprint);
        if (stats.Trials < 2 || !double.IsFinite(stats.SharpeVarianceAnnualised))
        {
            notes.Add($"the experiment registry {path} holds {stats.Trials} trial(s) on this market: the deflated Sharpe ratio needs at least two.");
            return (null, path);
        }
        return (stats, path);
    }

    /// <summary>The backtests' cost and execution assumptions in one line, e.g. "commission 5 bps and slippage 5 bps of
    /// traded notional; fills at the next open; 1,000,000 in equal-weight sleeves; long only".</summary>
    public static string Describe(BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        string commission = options.Costs.Commission is BpsCommission b ? string.Create(c, $"commission {b.Bps:0.##} bps") : $"commission {options.Costs.Commission}";
        string slippage = options.Costs.Slippage is BpsSlippage s ? string.Create(c, $"slippage {s.Bps:0.##} bps") : $"slippage {options.Costs.Slippage}";
        var parts = new List<string>
        {
            $"{commission} and {slippage} of traded notional",
            "decisions at the close, fills at the next open",
            string.Create(c, $"{options.InitialCash:N0} in equal-weight sleeves, position size {options.PositionSize:0.##}"),
            options.AllowShort ? "shorting allowed" : "long only",
        };
        if (options.StopLoss is { } sl) parts.Add(string.Create(c, $"stop loss {sl:P0}"));
        if (options.TakeProfit is { } tp) parts.Add(string.Create(c, $"take profit {tp:P0}"));
        return string.Join("; ", parts);
    }

    /// <summary>A model's run folder: models/NAME's grandparent.</summary>
    internal static string RunFolder(string model)
    {
        var full = Path.GetFullPath(model).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full)!;
        return Path.GetFileName(parent) == "models" ? Path.GetDirectoryName(parent)! : parent;
    }

    /// <summary>Models no training session registered (saved outside a run) count as trials too: their first set's score.</summary>
    private static void RecordUnregistered(string path, ExperimentContext context, List<EvaluationCandidate> models, List<TestSetReport> reports)
    {
        using var registry = ExperimentRegistry.Open(path);
        var known = registry.Trials().Select(t => t.ConfigHash).ToHashSet(StringComparer.Ordinal);
        foreach (var m in models.Where(m => m.ModelDirectory is not null))
        {
            string hash = TrialHash(m.ModelDirectory!);
            if (known.Contains(hash)) continue;
            var s = reports[0].Scores.First(x => x.Name == m.Name).Statistics;
            if (double.IsFinite(s.SharpePerPeriod))
                registry.Record(new TrialRecord(hash, context.Data.Fingerprint, s.SharpePerPeriod, s.Observations, DateTimeOffset.UtcNow, m.Name, "evaluate"));
        }
    }

    /// <summary>The config hash a trained model is registered under: the hash of its folder's full path.</summary>
    public static string TrialHash(string modelDirectory) => ExperimentRegistry.Hash("model:" + Path.GetFullPath(modelDirectory).TrimEnd(Path.DirectorySeparatorChar));
}
