using StockAgent.Agents;

namespace StockAgent.Experiments;

/// <summary>Turns what a user names as a model into a model folder, and keeps models on the market they learned.</summary>
public static class ModelReference
{
    /// <summary>A model folder (holding model.json) as it is; a run folder as its validated best model
    /// (models/best, else models/final), said through <paramref name="log"/>. Anything else is a clear error.</summary>
    public static string Resolve(string path, Action<string>? log = null)
    {
        if (File.Exists(Path.Combine(path, NeuralPolicy.MetadataFile))) return path;
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"model folder '{path}' does not exist.");
        foreach (var name in new[] { "best", "final" })
        {
            var candidate = Path.Combine(path, "models", name);
            if (File.Exists(Path.Combine(candidate, NeuralPolicy.MetadataFile)))
            {
                log?.Invoke($"{path} is a run folder: using its {(name == "best" ? "best model (chosen by validation)" : "final model (it has no best)")}, {candidate}");
                return candidate;
            }
        }
        throw new InvalidDataException($"'{path}' is neither a model folder (no {NeuralPolicy.MetadataFile}) nor a run folder (no models/best or models/final).");
    }

    /// <summary>Refuses a model trained on another market than <paramref name="context"/>'s (by the data fingerprint in
    /// its run's run.json) unless the context's data was named explicitly, in which case it warns naming both. A model
    /// with no run record (saved outside a run) passes.</summary>
    public static void CheckMarket(string modelDirectory, ExperimentContext context, Action<string>? log = null)
    {
        var record = RunRecord.ForModel(modelDirectory);
        if (record is null || record.Data.Fingerprint == context.Data.Fingerprint) return;
        string trained = $"{record.Data.Source} (fingerprint {record.Data.Fingerprint})", now = $"{context.Data.Source} (fingerprint {context.Data.Fingerprint})";
        if (!context.Settings.ExplicitData)
            throw new InvalidDataException($"model {modelDirectory} was trained on {trained}, not on {now}. Load the market it was trained on, or name the new market explicitly to use the model there.");
        log?.Invoke($"warning: model {modelDirectory} was trained on {trained}; it is used on {now} as asked.");
    }
}
