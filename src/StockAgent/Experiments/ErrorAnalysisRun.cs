using System.Text.Json;
using StockAgent.Agents;
using StockAgent.Evaluation;
using StockAgent.Experience;
using StockAgent.Market;

namespace StockAgent.Experiments;

/// <summary>
/// <c>stockagent analyze-errors</c> as one call (also for notebooks and the pipeline): loads the policy, takes the
/// context's default out-of-sample sets (the split's test period on the training symbols, and on the held-out symbols;
/// never the in-time whole history), limits them to the window asked for, refuses any set that meets a trained model's
/// training data (<see cref="TestSetGuard"/> against each model's run.json), runs <see cref="ErrorAnalysis"/>, and with
/// <see cref="ErrorAnalysisSettings.Corrective"/> &gt; 0 collects that many trajectories on the failing slices with the
/// same policy: start states from the training period and training symbols only (<see cref="EpisodeSampler"/> with
/// <see cref="SamplerOptions.Slices"/>), flagged <see cref="TrajectoryQuery.CorrectiveFlag"/>, stored as one batch.
/// </summary>
public static class ErrorAnalysisRun
{
    public static ErrorAnalysisResult Run(ExperimentContext context, ErrorAnalysisSettings settings, Action<string>? log = null)
    {
        settings.Validate();
        var sets = TestSets.Defaults(context.Resolved, context.Calendar, settings.TestDays)
            .Where(s => s.Kind != TestSet.OutOfSymbolInTime)
            .Select(s => s.Within(settings.From, settings.To)).ToList();
        var models = CollectionRun.ModelDirectories(settings.Model);
        foreach (var model in models)
        {
            if (RunRecord.ForModel(model) is not { } record) continue;
            foreach (var set in sets)
            {
                var check = TestSetGuard.Check(set, record.Split); // throws on in-sample
                log?.Invoke($"{model}: {check.Description}");
            }
        }
        var policy = CollectionRun.Load(settings.Model, context, log, greedy: true); // analysed as evaluate scores it
        try
        {
            var result = ErrorAnalysis.Run(context.Market, policy, sets, settings.Analysis);
            return settings.Corrective > 0 ? result with { Corrective = CollectCorrective(context, settings, policy, result.FailingSlices, log) } : result;
        }
        finally
        {
            (policy as IDisposable)?.Dispose();
        }
    }

    private static ErrorAnalysisCorrective CollectCorrective(ExperimentContext context, ErrorAnalysisSettings settings, IPolicy policy,
        IReadOnlyList<ErrorAnalysisSlice> failing, Action<string>? log)
    {
        var slices = failing.Where(s => s.Regime != ErrorAnalysis.Unknown).ToList();
        var path = Path.GetFullPath(settings.Library!);
        if (slices.Count == 0)
        {
            log?.Invoke("no failing (regime, sector) slice: no corrective trajectories collected");
            return new ErrorAnalysisCorrective(path, null, settings.Corrective, 0, 0, slices, settings.CorrectiveWindow);
        }
        var sampler = new EpisodeSampler(context.Market, context.Resolved, new SamplerOptions
        {
            Window = settings.CorrectiveWindow,
            Slices = slices.Select(s => (MarketRegime.Parse(s.Regime), s.Sector)).ToList(),
        });
        if (Path.GetDirectoryName(path) is { } directory) Directory.CreateDirectory(directory);
        using var library = ExperienceLibrary.Open(path);
        int seed = SeedMixer.Mix(settings.Seed, library.Batches().Count);
        var episodes = sampler.Sample(settings.Corrective, seed);
        // Corrective data is collected sampling (a neural policy's log-probabilities are what offline RL trains on).
        if (policy is NeuralPolicy neural) neural.Greedy = false;
        var trajectories = new ExperienceCollector(context.Market).Collect(policy, episodes)
            .Select(t => t with { Metadata = t.Metadata with { QualityFlags = string.Join(',', t.Metadata.QualityFlags.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(TrajectoryQuery.CorrectiveFlag)) } })
            .ToList();
        var config = JsonSerializer.Serialize(new
        {
            corrective = trajectories.Count, window = settings.CorrectiveWindow, slices = slices.Select(s => $"{s.Regime}/{s.Sector}"),
            market = context.Market.Source, market_fingerprint = context.Data.Fingerprint, initial_cash = 10_000, commission_bps = 5, slippage_bps = 5,
        });
        long id = library.AppendBatch(new BatchInfo(policy.Id, policy.Version, "composite", context.Split.SourceText, config, seed), trajectories);
        log?.Invoke($"stored {trajectories.Count} corrective trajectories on {slices.Count} failing slices as batch {id} in {path}");
        return new ErrorAnalysisCorrective(path, id, settings.Corrective, trajectories.Count, seed, slices, settings.CorrectiveWindow);
    }
}
