using StockAgent.Agents;

namespace StockAgent.Experiments;

/// <summary>Finds run folders a notebook or script can evaluate: those under a root whose run.json says they trained on
/// the context's market (same data fingerprint) and that hold a model (models/best or models/final).</summary>
public static class TrainedRuns
{
    /// <summary>The run folders directly under <paramref name="root"/> trained on <paramref name="context"/>'s market,
    /// newest first (by the run record's creation time); empty when the root does not exist.</summary>
    public static IReadOnlyList<string> OnMarket(string root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root)
            .Select(d => (Dir: d, Record: RunRecord.TryLoad(d)))
            .Where(r => r.Record is not null && r.Record.Data.Fingerprint == context.Data.Fingerprint && HasModel(r.Dir))
            .OrderByDescending(r => r.Record!.Created).ThenByDescending(r => r.Dir, StringComparer.Ordinal)
            .Select(r => r.Dir).ToList();
    }

    /// <summary>The newest of <see cref="OnMarket"/>, or null when there is none.</summary>
    public static string? Latest(string root, ExperimentContext context) => OnMarket(root, context).FirstOrDefault();

    private static bool HasModel(string run) =>
        new[] { "best", "final" }.Any(name => File.Exists(Path.Combine(run, "models", name, NeuralPolicy.MetadataFile)));
}
