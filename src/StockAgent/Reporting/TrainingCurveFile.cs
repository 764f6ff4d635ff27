using System.Text.Json;

namespace StockAgent.Reporting;

/// <summary>
/// Reads a training run folder's metrics.jsonl (written by the training loop: one JSON object per line with "step" and
/// keys "{algorithm}/reward_mean", "{algorithm}/kl", "{algorithm}/clip_fraction", ...; null for a value that was not
/// finite) into a <see cref="TrainingCurve"/>. The algorithm is the prefix of the "/reward_mean" key ("grpo", "ppo").
/// An SFT run logs "sft/loss" and no reward or KL: it has no curve, and <see cref="Read"/> returns null for it. Lines
/// without a reward (an SFT summary) are skipped, a missing or null value is NaN, and a line that is not a JSON object,
/// has no integer step or a value that is not a number is an <see cref="InvalidDataException"/> naming file:line.
/// </summary>
public static class TrainingCurveFile
{
    public const string FileName = "metrics.jsonl";

    /// <summary>The RL curve of the run in <paramref name="runFolder"/> (named after the folder), or null for a run
    /// that logged no reward (SFT).</summary>
    public static TrainingCurve? Read(string runFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runFolder);
        var path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist: {runFolder} is not a training run folder.", path);
        string? algorithm = null;
        var points = new List<TrainingPoint>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string where = $"{path}:{number}";
            using var doc = Parse(line, where);
            var root = doc.RootElement;
            string? prefix = root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n.EndsWith("/reward_mean", StringComparison.Ordinal))?[..^"/reward_mean".Length];
            if (prefix is null) continue;
            if (algorithm is not null && prefix != algorithm)
                throw new InvalidDataException($"{where}: '{prefix}/reward_mean' in a run whose earlier lines are {algorithm}.");
            algorithm = prefix;
            if (!root.TryGetProperty("step", out var step) || step.ValueKind != JsonValueKind.Number || !step.TryGetInt32(out int s))
                throw new InvalidDataException($"{where}: no integer \"step\".");
            points.Add(new TrainingPoint(s, Number(root, $"{prefix}/reward_mean", where), Number(root, $"{prefix}/kl", where), Number(root, $"{prefix}/clip_fraction", where)));
        }
        return algorithm is null ? null : new TrainingCurve(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(runFolder))), algorithm, points);
    }

    /// <summary>The curves of every run folder (a subfolder with a metrics.jsonl) directly under
    /// <paramref name="folder"/> (e.g. a pipeline's training_runs/), in ordinal order of the folder names; SFT runs are
    /// left out. None when the folder does not exist.</summary>
    public static IReadOnlyList<TrainingCurve> ReadAll(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) return [];
        return Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, FileName))).Order(StringComparer.Ordinal)
            .Select(Read).OfType<TrainingCurve>().ToList();
    }

    private static JsonDocument Parse(string line, string where)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{where}: not a JSON object ({ex.Message}).", ex);
        }
        var kind = doc.RootElement.ValueKind;
        if (kind == JsonValueKind.Object) return doc;
        doc.Dispose();
        throw new InvalidDataException($"{where}: not a JSON object but {kind}.");
    }

    private static double Number(JsonElement root, string key, string where)
    {
        if (!root.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null) return double.NaN;
        return v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new InvalidDataException($"{where}: \"{key}\" is {v.GetRawText()}, not a number.");
    }
}
