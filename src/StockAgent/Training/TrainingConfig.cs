using System.Globalization;
using System.Reflection;
using StockAgent.IO;
using StockAgent.Rewards;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StockAgent.Training;

/// <summary>
/// Binds a training YAML file (data/config/rl/*.yaml) and <c>key=value</c> overrides to the immutable option record of
/// one algorithm (<see cref="SftOptions"/>, <see cref="GrpoOptions"/>, <see cref="PpoOptions"/>), whose property defaults
/// are the only defaults. One file serves every algorithm: a key of another algorithm's record is accepted and left to
/// it; a key of no record is an error naming the file and line (or the override) with the nearest valid key. Numbers
/// are read with the invariant culture. Range errors name the key and where its value came from.
/// </summary>
public static class TrainingConfig
{
    public static IReadOnlyList<string> Algorithms { get; } = ["sft", "grpo", "ppo"];

    private static readonly Type[] Records = [typeof(SftOptions), typeof(GrpoOptions), typeof(PpoOptions)];

    /// <summary>Every key of every algorithm, "algorithm" first, then in the order the records declare them.</summary>
    public static IReadOnlyList<ConfigKey> Keys { get; } = BuildKeys();

    /// <summary>The default options of <paramref name="algorithm"/>.</summary>
    public static TrainingOptions Defaults(string algorithm) => (TrainingOptions)Activator.CreateInstance(RecordOf(algorithm, "algorithm"))!;

    /// <summary>Reads <paramref name="path"/> (none: the built-in defaults), applies <paramref name="overrides"/>
    /// ("key=value"; a value in brackets is a YAML list), and returns the record of <paramref name="algorithm"/>
    /// (null: the overrides' or the file's <c>algorithm</c> key, else grpo), validated.</summary>
    public static TrainingOptions Load(string? path, IEnumerable<string>? overrides = null, string? algorithm = null)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (path is not null) ReadFile(path, entries);
        foreach (var o in overrides ?? []) ReadOverride(o, entries);

        string algo = algorithm ?? (entries.TryGetValue("algorithm", out var a) ? Scalar(a, "algorithm") : "grpo");
        var type = RecordOf(algo, entries.TryGetValue("algorithm", out var ae) && algorithm is null ? ae.Where : "algorithm");
        var options = (TrainingOptions)Activator.CreateInstance(type)!;
        var keys = Keys.Where(k => k.Algorithms.Contains(options.Algorithm)).ToDictionary(k => k.Key, StringComparer.Ordinal);
        foreach (var (key, entry) in entries)
        {
            if (key == "algorithm") continue;
            if (keys.TryGetValue(key, out var bound)) type.GetProperty(bound.Property.Name)!.SetValue(options, Convert(entry, key, bound.Property.PropertyType));
            else if (Keys.FirstOrDefault(k => k.Key == key) is { } other) Convert(entry, key, other.Property.PropertyType); // another algorithm's key: its type is still checked
            else throw new InvalidDataException($"{entry.Where}: unknown key '{key}'{Suggest(key)}");
        }
        if (options is RlOptions rl)
        {
            if (!RewardFunctions.Names.Contains(rl.RewardName))
                throw new InvalidDataException($"{WhereOf(entries, "reward", path)}: reward must be one of {string.Join(", ", RewardFunctions.Names)} (got '{rl.RewardName}').");
            options = rl with { Reward = RewardFunctions.ByName(rl.RewardName) };
        }
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            var message = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "");
            throw new InvalidDataException($"{WhereOf(entries, ex.ParamName, path)}: {message}", ex);
        }
        return options;
    }

    /// <summary><see cref="Load"/> for a known record type.</summary>
    public static T Load<T>(string? path, IEnumerable<string>? overrides = null) where T : TrainingOptions =>
        (T)Load(path, overrides, ((TrainingOptions)Activator.CreateInstance(typeof(T))!).Algorithm);

    /// <summary>The options as YAML: <c>algorithm</c>, then every key of that algorithm with its value (config.yaml of a run).</summary>
    public static string ToYaml(TrainingOptions options)
    {
        var lines = new List<string> { $"algorithm: {options.Algorithm}" };
        foreach (var k in Keys.Skip(1).Where(k => k.Algorithms.Contains(options.Algorithm)))
            lines.Add($"{k.Key}: {Format(k.Property.GetValue(options))}");
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>A value as YAML and <c>--set</c> write it (invariant culture; lists in brackets; enums in lower case).</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => e.ToString().ToLowerInvariant(),
        IEnumerable<int> list => "[" + string.Join(", ", list.Select(x => x.ToString(CultureInfo.InvariantCulture))) + "]",
        IEnumerable<double> list => "[" + string.Join(", ", list.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]",
        _ => value.ToString() ?? "",
    };

    /// <summary>Each key with its default per algorithm, one line each ("learning_rate = 0.001 (grpo, ppo)"), for --help.</summary>
    public static string Describe()
    {
        var lines = new List<string>();
        foreach (var k in Keys.Skip(1))
        {
            var defaults = k.Algorithms.Select(a => Format(k.Property.GetValue(Defaults(a)))).Distinct().ToList();
            lines.Add($"{k.Key} = {string.Join(" / ", defaults)} ({string.Join(", ", k.Algorithms)})");
        }
        return string.Join("\n", lines);
    }

    private sealed record Entry(YamlNode? Node, string? Text, string Where);

    private static void ReadFile(string path, Dictionary<string, Entry> entries)
    {
        var root = YamlFile.LoadRoot(path, "training config");
        if (root is null) return;
        if (root is not YamlMappingNode map)
            throw new InvalidDataException($"{path}:{root.Start.Line}: expected key: value lines.");
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? throw new InvalidDataException($"{path}:{k.Start.Line}: a key must be a plain name.");
            entries[key] = new Entry(v, null, $"{path}:{k.Start.Line}");
        }
    }

    private static void ReadOverride(string text, Dictionary<string, Entry> entries)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw new InvalidDataException($"--set '{text}': expected key=value, e.g. learning_rate=0.0005.");
        string key = text[..eq].Trim(), value = text[(eq + 1)..].Trim();
        YamlNode? node = null;
        if (value.StartsWith('['))
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(value));
            }
            catch (YamlException ex)
            {
                throw new InvalidDataException($"--set {text}: '{value}' is not a YAML list ({ex.Message}).", ex);
            }
            node = stream.Documents[0].RootNode;
        }
        entries[key] = new Entry(node, node is null ? value : null, $"--set {text}");
    }

    private static string WhereOf(Dictionary<string, Entry> entries, string? key, string? path) =>
        key is not null && entries.TryGetValue(key, out var e) ? e.Where : path ?? "training defaults";

    private static string Scalar(Entry e, string key) => e.Text ?? (e.Node as YamlScalarNode)?.Value
        ?? throw new InvalidDataException($"{e.Where}: {key} takes a single value.");

    private static object? Convert(Entry e, string key, Type type)
    {
        if (type == typeof(IReadOnlyList<int>)) return Items(e, key, "whole numbers").Select(s => ParseInt(s, e, key)).ToArray();
        if (type == typeof(IReadOnlyList<double>)) return Items(e, key, "numbers").Select(s => ParseDouble(s, e, key)).ToArray();
        string text = Scalar(e, key);
        if (type == typeof(int)) return ParseInt(text, e, key);
        if (type == typeof(double)) return ParseDouble(text, e, key);
        if (type == typeof(string)) return text;
        if (type == typeof(bool))
        {
            if (bool.TryParse(text, out var b)) return b;
            throw new InvalidDataException($"{e.Where}: {key} takes true or false, got '{text}'.");
        }
        if (type.IsEnum)
        {
            if (Enum.TryParse(type, text, ignoreCase: true, out var v) && !int.TryParse(text, out _)) return v;
            throw new InvalidDataException($"{e.Where}: {key} must be one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))} (got '{text}').");
        }
        throw new InvalidOperationException($"config key {key} has an unsupported type {type.Name}.");
    }

    /// <summary>A list value's items as text (a single value is a list of one).</summary>
    private static IEnumerable<string> Items(Entry e, string key, string what) => e.Node is YamlSequenceNode seq
        ? seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? throw new InvalidDataException($"{e.Where}: {key} takes a list of {what}."))
        : [Scalar(e, key)];

    private static double ParseDouble(string text, Entry e, string key)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        throw new InvalidDataException($"{e.Where}: {key} takes a number (with a dot for decimals), got '{text}'.");
    }

    private static int ParseInt(string text, Entry e, string key)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            throw new InvalidDataException($"{e.Where}: {key} = {text} is too large.");
        throw new InvalidDataException($"{e.Where}: {key} takes a whole number, got '{text}'.");
    }

    private static string Suggest(string key)
    {
        var best = Keys.Select(k => (k.Key, Distance: Levenshtein(key, k.Key))).MinBy(x => x.Distance);
        return best.Distance <= Math.Max(2, key.Length / 3)
            ? $"; did you mean '{best.Key}'?"
            : $"; valid keys: {string.Join(", ", Keys.Select(k => k.Key))}.";
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) d[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int prev = d[0];
            d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }
        return d[b.Length];
    }

    private static Type RecordOf(string algorithm, string where)
    {
        int i = Array.IndexOf(Algorithms.ToArray(), algorithm);
        if (i < 0) throw new InvalidDataException($"{where}: algorithm must be sft, grpo or ppo (got '{algorithm}').");
        return Records[i];
    }

    private static List<ConfigKey> BuildKeys()
    {
        var keys = new List<(string Key, PropertyInfo Property, List<string> Algorithms)>();
        for (int r = 0; r < Records.Length; r++)
        {
            var chain = new List<Type>();
            for (var t = Records[r]; t is not null && t != typeof(object); t = t.BaseType) chain.Insert(0, t);
            foreach (var t in chain)
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (p.SetMethod is null || p.GetCustomAttribute<ConfigIgnoreAttribute>() is not null || p.Name == "EqualityContract") continue;
                var key = p.GetCustomAttribute<ConfigKeyAttribute>()?.Key ?? SnakeCase(p.Name);
                var existing = keys.FindIndex(k => k.Key == key);
                if (existing >= 0) keys[existing].Algorithms.Add(Algorithms[r]);
                else keys.Add((key, Records[r].GetProperty(p.Name)!, [Algorithms[r]]));
            }
        }
        var result = new List<ConfigKey> { new("algorithm", typeof(TrainingOptions).GetProperty(nameof(TrainingOptions.Algorithm))!, Algorithms) };
        result.AddRange(keys.Select(k => new ConfigKey(k.Key, k.Property, k.Algorithms)));
        return result;
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
