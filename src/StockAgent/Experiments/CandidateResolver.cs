using StockAgent.Agents;

namespace StockAgent.Experiments;

/// <summary>
/// Turns what a user names into candidates: a model folder; a run folder (its best model, else its final); a
/// run's <c>models</c> folder (the same); a path with <c>*</c> or <c>?</c> in any of its parts, expanded to every folder
/// it matches, in name order; the research plan's <c>rl:PATTERN</c> (the same as PATTERN); <c>model:PATH</c>;
/// <c>ensemble:</c> / <c>ensemble-mean:</c> lists (one candidate); a baseline name. A pattern that matches nothing, or
/// a folder that holds no model, is an error naming it.
/// </summary>
public static class CandidateResolver
{
    public static IReadOnlyList<EvaluationCandidate> Resolve(IEnumerable<string> specs)
    {
        var all = new List<EvaluationCandidate>();
        foreach (var raw in specs)
        {
            var spec = raw.Trim();
            if (spec.Length == 0) continue;
            int colon = spec.IndexOf(':');
            string kind = colon > 1 ? spec[..colon].ToLowerInvariant() : "";
            switch (kind)
            {
                case "ensemble" or "ensemble-mean":
                    var members = spec[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(m => ModelReference.Resolve(m)).ToList();
                    if (members.Count == 0) throw new ArgumentException($"'{spec}': an ensemble needs model folders, e.g. {kind}:run_a,run_b.");
                    all.Add(new EvaluationCandidate(spec, "ensemble", kind + ":" + string.Join(",", members), null,
                        members.Select(RunRecord.ForModel).OfType<RunRecord>().ToList()));
                    break;
                case "rl" or "model":
                    all.AddRange(Models(spec[(colon + 1)..], spec));
                    break;
                default:
                    if (PolicyFactory.BaselineNames.Contains(spec.ToLowerInvariant())) all.Add(new EvaluationCandidate(spec.ToLowerInvariant(), "baseline", spec.ToLowerInvariant()));
                    else all.AddRange(Models(spec, spec));
                    break;
            }
        }
        var twice = all.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ArgumentException($"'{twice.Key}' is named twice among the models.");
        return all;
    }

    private static IEnumerable<EvaluationCandidate> Models(string pattern, string spec)
    {
        var folders = Expand(pattern);
        if (folders.Count == 0)
            throw new ArgumentException(pattern.IndexOfAny(['*', '?']) >= 0
                ? $"'{spec}' matches no folder."
                : $"'{spec}' is neither a baseline ({string.Join(", ", PolicyFactory.BaselineNames)}) nor an existing model or run folder.");
        foreach (var folder in folders)
        {
            string path = Path.GetFileName(folder) == "models" ? Path.GetDirectoryName(folder)! : folder;
            string model = ModelReference.Resolve(path);
            yield return new EvaluationCandidate(Name(model), "model", "model:" + model, model, RunRecord.ForModel(model) is { } run ? [run] : []);
        }
    }

    /// <summary>"run_folder/best" for a run's model, the folder name otherwise.</summary>
    private static string Name(string model)
    {
        var full = Path.GetFullPath(model).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full);
        return parent is not null && Path.GetFileName(parent) == "models"
            ? $"{Path.GetFileName(Path.GetDirectoryName(parent))}/{Path.GetFileName(full)}"
            : Path.GetFileName(full);
    }

    /// <summary>The folders a path with wildcards matches (the path itself when it has none and exists).</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        if (pattern.IndexOfAny(['*', '?']) < 0) return Directory.Exists(pattern) ? [pattern] : [];
        bool rooted = Path.IsPathRooted(pattern);
        var parts = pattern.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> current = [rooted ? Path.GetPathRoot(Path.GetFullPath(pattern))! : "."];
        foreach (var part in parts)
        {
            current = part.IndexOfAny(['*', '?']) >= 0
                ? current.SelectMany(dir => Directory.Exists(dir) ? Directory.EnumerateDirectories(dir, part).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
                : current.Select(dir => Path.Combine(dir, part)).Where(Directory.Exists);
        }
        return current.Select(p => p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p).ToList();
    }
}
