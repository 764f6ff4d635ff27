using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StockAgent.IO;
using StockAgent.Training;
using YamlDotNet.RepresentationModel;

namespace StockAgent.Experiments;

/// <summary>
/// A registered sweep (data/config/sweeps/NAME.yaml): which training keys to vary and how to search them.
/// <code>
/// name: levers                 # the sweep's name (default: the file's name)
/// search: random               # grid (every combination) | random (configurations drawn without replacement)
/// configurations: 30           # random: how many to draw; grid: at most this many (all when omitted)
/// seeds: [7, 8]                # each configuration trains once per seed; every training run is a registered trial
/// seed: 1                      # the random draw's seed
/// ensemble_top: 0              # 2 or more: the chosen configuration's best N seeds are scored as one ensemble
/// fixed:                       # training keys set for every trial (as `train --set`)
///   num_iterations: 10
/// space:                       # a training key and the values to try
///   reward: [composite, excess-sharpe]
///   actions: [[0, 0.5, 1], [0, 0.25, 0.5, 0.75, 1]]
/// </code>
/// Keys and values are those of <see cref="TrainingConfig"/> (data/config/rl/default.yaml): every configuration is checked
/// for SFT and GRPO before anything trains, and an error names the file and line of the key.
/// </summary>
public sealed record SweepConfig
{
    public const string Grid = "grid";
    public const string RandomSearch = "random";

    public required string Name { get; init; }
    public string Search { get; init; } = Grid;
    public int? Configurations { get; init; }
    public IReadOnlyList<int> Seeds { get; init; } = [7];
    public int Seed { get; init; } = 1;
    public int EnsembleTop { get; init; }
    /// <summary>Overrides applied to every trial, "key=value".</summary>
    public IReadOnlyList<string> Fixed { get; init; } = [];
    /// <summary>The searched keys in file order, each with its values as override text ("[0, 0.5, 1]" for a list).</summary>
    public IReadOnlyList<SweepDimension> Space { get; init; } = [];
    /// <summary>Where each key was given ("file:line"), for error messages.</summary>
    public IReadOnlyDictionary<string, string> Where { get; init; } = new Dictionary<string, string>();
    /// <summary>The file it was read from (null when built in code).</summary>
    public string? Path { get; init; }

    /// <summary>The number of combinations of <see cref="Space"/> (1 for an empty space).</summary>
    public long GridSize => Space.Aggregate(1L, (n, d) => n * d.Values.Count);

    /// <summary>The configurations to train, in a stable order: the grid in row-major order of <see cref="Space"/> (the
    /// last key varies fastest), or <see cref="Configurations"/> of them drawn without replacement with <see cref="Seed"/>.
    /// Each is the list of overrides ("key=value"): <see cref="Fixed"/> first, then the searched keys.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Expand()
    {
        long size = GridSize;
        IEnumerable<long> picks;
        if (Search == RandomSearch)
        {
            int n = (int)Math.Min(size, Configurations ?? size);
            var rng = new Random(Seed);
            var chosen = new List<long>();
            // Partial Fisher-Yates over indices without materialising the grid.
            var swapped = new Dictionary<long, long>();
            for (long i = 0; i < n; i++)
            {
                long j = i + (long)(rng.NextDouble() * (size - i));
                long vi = swapped.GetValueOrDefault(i, i), vj = swapped.GetValueOrDefault(j, j);
                swapped[j] = vi;
                chosen.Add(vj);
            }
            picks = chosen;
        }
        else picks = Enumerable.Range(0, (int)Math.Min(size, Configurations ?? size)).Select(i => (long)i);
        return picks.Select(Configuration).ToList();
    }

    private IReadOnlyList<string> Configuration(long index)
    {
        var values = new string[Space.Count];
        for (int d = Space.Count - 1; d >= 0; d--)
        {
            int k = Space[d].Values.Count;
            values[d] = $"{Space[d].Key}={Space[d].Values[(int)(index % k)]}";
            index /= k;
        }
        return [.. Fixed, .. values];
    }

    /// <summary>A hash of what the sweep trains (its configurations and seeds): a sweep folder resumes only the same sweep.</summary>
    public string Fingerprint()
    {
        var text = string.Join("\n", Expand().Select(c => string.Join(";", c))) + "\nseeds:" + string.Join(",", Seeds) + "\nensemble:" + EnsembleTop.ToString(CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Reads and checks a sweep file; every configuration is bound with <see cref="TrainingConfig.Load"/> for SFT and GRPO.</summary>
    public static SweepConfig Load(string path)
    {
        if (YamlFile.LoadRoot(path, "sweep config") is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: expected key: value lines (name, search, configurations, seeds, fixed, space).");
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        string At(YamlNode n) => $"{path}:{n.Start.Line}";
        string name = System.IO.Path.GetFileNameWithoutExtension(path), search = Grid;
        int? configurations = null;
        int seed = 1, top = 0;
        IReadOnlyList<int> seeds = [7];
        var fixedKeys = new List<string>();
        var space = new List<SweepDimension>();
        foreach (var (k, v) in root.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? throw new InvalidDataException($"{At(k)}: a key must be a plain name.");
            switch (key)
            {
                case "name": name = Scalar(v, key, At(k)); break;
                case "search":
                    search = Scalar(v, key, At(k));
                    if (search is not (Grid or RandomSearch)) throw new InvalidDataException($"{At(k)}: search must be grid or random (got '{search}').");
                    break;
                case "configurations": configurations = Int(v, key, At(k), 1); break;
                case "seed": seed = Int(v, key, At(k), int.MinValue); break;
                case "ensemble_top": top = Int(v, key, At(k), 0); break;
                case "seeds":
                    seeds = (v is YamlSequenceNode s ? s.Children : [v]).Select(c => Int(c, key, At(c), int.MinValue)).ToArray();
                    if (seeds.Count == 0) throw new InvalidDataException($"{At(k)}: seeds needs at least one seed.");
                    if (seeds.Distinct().Count() != seeds.Count) throw new InvalidDataException($"{At(k)}: a seed is listed twice.");
                    break;
                case "fixed":
                    foreach (var (fk, fv) in Map(v, key, At(k)))
                    {
                        var name2 = ((YamlScalarNode)fk).Value!;
                        where[name2] = At(fk);
                        fixedKeys.Add($"{name2}={Text(fv, name2, At(fk))}");
                    }
                    break;
                case "space":
                    foreach (var (sk, sv) in Map(v, key, At(k)))
                    {
                        var name2 = ((YamlScalarNode)sk).Value!;
                        if (where.ContainsKey(name2)) throw new InvalidDataException($"{At(sk)}: {name2} is set in fixed and in space; keep one.");
                        where[name2] = At(sk);
                        if (sv is not YamlSequenceNode values || values.Children.Count == 0)
                            throw new InvalidDataException($"{At(sk)}: space.{name2} takes a list of values to try, e.g. [0.01, 0.05].");
                        var texts = values.Children.Select(c => Text(c, name2, At(c))).ToList();
                        if (texts.Distinct(StringComparer.Ordinal).Count() != texts.Count) throw new InvalidDataException($"{At(sk)}: space.{name2} lists a value twice.");
                        space.Add(new SweepDimension(name2, texts));
                    }
                    break;
                default:
                    throw new InvalidDataException($"{At(k)}: unknown sweep key '{key}'; valid keys: name, search, configurations, seeds, seed, ensemble_top, fixed, space.");
            }
        }
        if (where.ContainsKey("seed")) throw new InvalidDataException($"{where["seed"]}: the training seed comes from the sweep's seeds list; remove it from fixed/space.");
        if (top == 1 || top > seeds.Count) throw new InvalidDataException($"{path}: ensemble_top must be 0 (no ensemble) or between 2 and the number of seeds ({seeds.Count}) (got {top}).");
        if (search == RandomSearch && configurations is null) throw new InvalidDataException($"{path}: a random search needs configurations: N.");
        var config = new SweepConfig
        {
            Name = name, Search = search, Configurations = configurations, Seeds = seeds, Seed = seed, EnsembleTop = top,
            Fixed = fixedKeys, Space = space, Where = where, Path = path,
        };
        config.Check();
        return config;
    }

    /// <summary>Binds every configuration for SFT and GRPO; an error names where the offending key was given.</summary>
    public void Check()
    {
        if (GridSize > 1_000_000) throw new InvalidDataException($"{Path ?? Name}: the space has {GridSize:N0} combinations; at most 1,000,000.");
        foreach (var overrides in Expand())
        foreach (var algorithm in new[] { "sft", "grpo" })
        {
            try
            {
                TrainingConfig.Load(null, overrides, algorithm);
            }
            catch (InvalidDataException ex)
            {
                // TrainingConfig names "--set key=value"; point at the sweep file's line instead.
                var key = overrides.Select(o => o[..o.IndexOf('=')]).FirstOrDefault(k => ex.Message.Contains($"--set {k}=", StringComparison.Ordinal));
                string at = key is not null && Where.TryGetValue(key, out var w) ? w : Path ?? Name;
                var message = ex.Message;
                int colon = message.IndexOf(": ", StringComparison.Ordinal);
                if (message.StartsWith("--set ", StringComparison.Ordinal) && colon > 0) message = message[(colon + 2)..];
                throw new InvalidDataException($"{at}: {message} (configuration {string.Join(", ", overrides)})", ex);
            }
        }
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Map(YamlNode v, string key, string at) =>
        v is YamlMappingNode m ? m.Children.Select(c => c.Key is YamlScalarNode { Value: not null } ? c : throw new InvalidDataException($"{at}: {key} keys must be plain names."))
        : v is YamlScalarNode { Value: null or "" } ? [] : throw new InvalidDataException($"{at}: {key} takes key: value lines.");

    private static string Scalar(YamlNode v, string key, string at) =>
        (v as YamlScalarNode)?.Value is { Length: > 0 } s ? s : throw new InvalidDataException($"{at}: {key} takes a single value.");

    private static int Int(YamlNode v, string key, string at, int min)
    {
        var s = Scalar(v, key, at);
        if (int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= min) return i;
        throw new InvalidDataException($"{at}: {key} takes a whole number{(min > int.MinValue ? $" of at least {min}" : "")}, got '{s}'.");
    }

    /// <summary>A value as override text: a scalar as written, a list as "[a, b]".</summary>
    private static string Text(YamlNode v, string key, string at) => v switch
    {
        YamlScalarNode s => s.Value ?? "null",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(c => c is YamlScalarNode cs ? cs.Value : throw new InvalidDataException($"{at}: {key} takes a value or a flat list."))) + "]",
        _ => throw new InvalidDataException($"{at}: {key} takes a value or a list."),
    };
}
