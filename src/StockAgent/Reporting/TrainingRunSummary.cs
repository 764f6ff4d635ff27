using StockAgent.Experiments;
using YamlDotNet.RepresentationModel;

namespace StockAgent.Reporting;

/// <summary>One training run folder as a report sees it: its name and path, its run record (run.json: algorithm,
/// seed, the model it started from, the code version and the command), its configuration (config.yaml, flat keys to
/// their text) and its training curve (metrics.jsonl; null for a run without reward or KL, such as SFT).</summary>
public sealed record TrainingRunSummary(string Name, string Folder, RunRecord Record, IReadOnlyDictionary<string, string> Config, TrainingCurve? Curve)
{
    /// <summary>The run in <paramref name="folder"/>; null when the folder has no run.json. A config.yaml that is not a
    /// YAML mapping is an <see cref="InvalidDataException"/> naming the file.</summary>
    public static TrainingRunSummary? Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var record = RunRecord.TryLoad(folder);
        if (record is null) return null;
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(folder, "config.yaml");
        if (File.Exists(path))
        {
            var yaml = new YamlStream();
            try
            {
                using var reader = new StreamReader(path);
                yaml.Load(reader);
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new InvalidDataException($"{path}:{ex.Start.Line}: not YAML ({ex.Message}).", ex);
            }
            if (yaml.Documents.Count > 0)
            {
                if (yaml.Documents[0].RootNode is not YamlMappingNode map) throw new InvalidDataException($"{path}: not a mapping of keys to values.");
                foreach (var (key, value) in map.Children)
                    config[key.ToString()] = value switch
                    {
                        YamlSequenceNode s => "[" + string.Join(", ", s.Children.Select(c => c.ToString())) + "]",
                        YamlScalarNode v => v.Value ?? "",
                        _ => value.ToString(),
                    };
            }
        }
        return new TrainingRunSummary(Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)), Path.GetFullPath(folder), record, config,
            TrainingCurveFile.Read(folder));
    }

    /// <summary>Every run folder directly under <paramref name="root"/> with a run record, oldest first.</summary>
    public static IReadOnlyList<TrainingRunSummary> ReadAll(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.GetDirectories(root).Select(Read).OfType<TrainingRunSummary>()
            .OrderBy(r => r.Record.Created).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The configuration value of <paramref name="key"/>, or null.</summary>
    public string? Setting(string key) => Config.TryGetValue(key, out var v) ? v : null;
}
