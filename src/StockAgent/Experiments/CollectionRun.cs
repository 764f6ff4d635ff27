using System.Diagnostics;
using System.Text.Json;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Rewards;

namespace StockAgent.Experiments;

/// <summary>
/// Phase 1: runs a policy over start states balanced across regimes and sectors, drawn from the training period and
/// training symbols of the context's split only, and stores each batch as one transaction in the experience library
/// (killing it leaves whole batches; running it again carries on with new seeds). Used alike by <c>stockagent
/// collect</c>, notebook 01 and the pipeline.
/// </summary>
public static class CollectionRun
{
    /// <summary>Collects <see cref="CollectionSettings.Batches"/> batches with <paramref name="policy"/> (null: the
    /// settings' policy spec, loaded and disposed here). <paramref name="progress"/> gets (batch index, trajectories done
    /// in it); <paramref name="onBatch"/> each stored batch; <paramref name="log"/> what the user should know (rounding,
    /// a model on another market); cancelling stops between batches.</summary>
    public static CollectionResult Run(ExperimentContext context, CollectionSettings settings, IPolicy? policy = null,
        Action<string>? log = null, Action<int, int>? progress = null, Action<CollectionBatch>? onBatch = null, CancellationToken cancel = default)
    {
        settings.Validate();
        var reward = settings.RewardFunction ?? RewardFunctions.ByName(settings.Reward);
        IPolicy agent = policy ?? Load(settings.Policy, context, log);
        try
        {
            int size = settings.EffectiveBatchSize;
            if (size != settings.BatchSize)
                log?.Invoke($"batch size {settings.BatchSize} rounded up to {size}: whole groups of {settings.GroupSize} episodes from one start state");
            var clock = Stopwatch.StartNew();
            var sampler = new EpisodeSampler(context.Market, context.Resolved, new SamplerOptions { Window = settings.Window, GroupSize = settings.GroupSize });
            var collector = new ExperienceCollector(context.Market, new CollectorOptions { Reward = reward, RewardName = settings.Reward });
            var directory = Path.GetDirectoryName(Path.GetFullPath(settings.Library));
            if (directory is not null) Directory.CreateDirectory(directory);
            using var library = ExperienceLibrary.Open(settings.Library);
            int existing = library.Batches().Count;
            var config = JsonSerializer.Serialize(new
            {
                batch_size = size, window = settings.Window, group_size = settings.GroupSize, market = context.Market.Source,
                market_fingerprint = context.Data.Fingerprint, initial_cash = 10_000, commission_bps = 5, slippage_bps = 5,
            });
            var stored = new List<CollectionBatch>();
            for (int k = 0; k < settings.Batches && !cancel.IsCancellationRequested; k++)
            {
                var batchClock = Stopwatch.StartNew();
                int seed = SeedMixer.Mix(settings.Seed, existing + k);
                var episodes = sampler.Sample(size, seed);
                int batch = k;
                var trajectories = collector.Collect(agent, episodes, progress is null ? null : done => progress(batch, done));
                long id = library.AppendBatch(new BatchInfo(agent.Id, agent.Version, settings.Reward, context.Split.SourceText, config, seed), trajectories);
                var record = new CollectionBatch(id, trajectories.Count, seed, batchClock.Elapsed.TotalSeconds);
                stored.Add(record);
                onBatch?.Invoke(record);
            }
            return new CollectionResult(library.Path, agent.Id, agent.Version, stored, library.Stats(), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            if (policy is null) (agent as IDisposable)?.Dispose();
        }
    }

    /// <summary>A policy from its spec; model and ensemble folders (or run folders, as their best model) are checked
    /// against the context's market first. A single model samples its actions (as collection needs); with
    /// <paramref name="greedy"/> it takes its most probable action, the policy its validation chose (scoring).</summary>
    public static IPolicy Load(string spec, ExperimentContext context, Action<string>? log = null, bool greedy = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var paths = ModelDirectories(spec, log);
        foreach (var p in paths) ModelReference.CheckMarket(p, context, log);
        if (paths.Count > 0) spec = spec[..spec.IndexOf(':')].ToLowerInvariant() + ":" + string.Join(",", paths);
        var policy = PolicyFactory.FromSpec(spec);
        if (greedy && policy is NeuralPolicy model) model.Greedy = true; // ensembles vote greedy members already
        return policy;
    }

    /// <summary>The model folders a policy spec names (<c>model:</c>, <c>ensemble:</c>, <c>ensemble-mean:</c>; none
    /// for a baseline), each resolved by <see cref="ModelReference.Resolve"/> (a run folder stands for its best model).</summary>
    public static IReadOnlyList<string> ModelDirectories(string spec, Action<string>? log = null)
    {
        int colon = spec.IndexOf(':');
        string kind = colon > 1 ? spec[..colon].ToLowerInvariant() : "";
        if (kind is not ("model" or "ensemble" or "ensemble-mean")) return [];
        return spec[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => ModelReference.Resolve(p, log)).ToList();
    }
}
