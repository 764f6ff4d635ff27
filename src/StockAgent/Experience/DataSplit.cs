using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StockAgent.Experience;

/// <summary>
/// How a market's history is divided, defined relative to its trading days so one file fits any market:
/// the last <see cref="TestLastDays"/> trading days are the test period; the <see cref="ValidationDays"/>
/// before it (less an embargo of <see cref="EmbargoDays"/>) are validation; everything earlier (less another
/// embargo) is training. Held-out symbols are never trained on: the listed ones, or else a seeded
/// <see cref="HeldOutFraction"/> of the universe. Read from YAML (data/config/splits/default.yaml).
/// </summary>
public sealed record DataSplit
{
    public int TestLastDays { get; init; } = 90;
    public int ValidationDays { get; init; } = 252;
    public int EmbargoDays { get; init; } = 10;
    public DateOnly? TrainStart { get; init; }
    public IReadOnlyList<string> HeldOutSymbols { get; init; } = [];
    public double HeldOutFraction { get; init; } = 0.1;
    public int Seed { get; init; } = 42;

    /// <summary>The YAML text this split was read from (recorded with every batch).</summary>
    public string SourceText { get; init; } = "";

    public static DataSplit Default { get; } = new() { SourceText = "# built-in default split\n" };

    public static DataSplit Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Split file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path), path);
    }

    public static DataSplit Parse(string yaml, string source = "split")
    {
        Dto dto;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            dto = deserializer.Deserialize<Dto?>(yaml) ?? new Dto();
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message is { } m ? $" ({m})" : "";
            throw new InvalidDataException($"{source}:{ex.Start.Line}: {ex.Message}{inner}", ex);
        }
        var split = new DataSplit
        {
            TestLastDays = dto.TestLastDays ?? 90,
            ValidationDays = dto.ValidationDays ?? 252,
            EmbargoDays = dto.EmbargoDays ?? 10,
            TrainStart = string.IsNullOrWhiteSpace(dto.TrainStart) ? null
                : DateOnly.TryParseExact(dto.TrainStart, "yyyy-MM-dd", out var d) ? d
                : throw new InvalidDataException($"{source}: train_start '{dto.TrainStart}' is not a date (yyyy-MM-dd)."),
            HeldOutSymbols = dto.HeldOutSymbols ?? [],
            HeldOutFraction = dto.HeldOutFraction ?? (dto.HeldOutSymbols is { Count: > 0 } ? 0 : 0.1),
            Seed = dto.Seed ?? 42,
            SourceText = yaml,
        };
        split.Validate(source);
        return split;
    }

    public void Validate(string source = "split")
    {
        if (TestLastDays < 1) throw new InvalidDataException($"{source}: test_last_days must be at least 1 (got {TestLastDays}).");
        if (ValidationDays < 0) throw new InvalidDataException($"{source}: validation_days must not be negative (got {ValidationDays}).");
        if (EmbargoDays < 0) throw new InvalidDataException($"{source}: embargo_days must not be negative (got {EmbargoDays}).");
        if (HeldOutFraction is < 0 or >= 1) throw new InvalidDataException($"{source}: held_out_fraction must be in [0, 1) (got {HeldOutFraction}).");
    }

    /// <summary>Resolves the periods against the trading days of <paramref name="calendar"/> (sorted dates) and
    /// the held-out symbols against <paramref name="symbols"/>.</summary>
    public ResolvedSplit Resolve(IReadOnlyList<DateOnly> calendar, IReadOnlyList<string> symbols)
    {
        int n = calendar.Count;
        int testStart = n - TestLastDays;
        int validationEnd = testStart - EmbargoDays - 1;
        int validationStart = validationEnd - ValidationDays + 1;
        int trainEnd = (ValidationDays > 0 ? validationStart : testStart) - EmbargoDays - 1;
        int trainStart = TrainStart is { } ts ? LowerBound(calendar, ts) : 0;
        if (trainEnd - trainStart < 60)
            throw new InvalidDataException($"the split leaves {Math.Max(0, trainEnd - trainStart + 1)} training days of {n}; shorten test_last_days ({TestLastDays}), validation_days ({ValidationDays}) or embargo_days ({EmbargoDays}).");

        var known = new HashSet<string>(symbols, StringComparer.OrdinalIgnoreCase);
        foreach (var s in HeldOutSymbols)
            if (!known.Contains(s)) throw new InvalidDataException($"held_out_symbols: '{s}' is not in the market.");
        var heldOut = new HashSet<string>(HeldOutSymbols, StringComparer.OrdinalIgnoreCase);
        if (heldOut.Count == 0 && HeldOutFraction > 0)
        {
            var rng = new Random(Seed);
            foreach (var s in symbols.Order(StringComparer.Ordinal).OrderBy(_ => rng.Next()).Take((int)Math.Ceiling(HeldOutFraction * symbols.Count)))
                heldOut.Add(s);
        }
        if (heldOut.Count >= symbols.Count) throw new InvalidDataException("the split holds out every symbol; nothing is left to train on.");

        return new ResolvedSplit(
            calendar[trainStart], calendar[trainEnd],
            ValidationDays > 0 ? calendar[validationStart] : null, ValidationDays > 0 ? calendar[validationEnd] : null,
            calendar[testStart], calendar[n - 1],
            symbols.Where(s => !heldOut.Contains(s)).ToArray(), symbols.Where(heldOut.Contains).ToArray());
    }

    private static int LowerBound(IReadOnlyList<DateOnly> dates, DateOnly d)
    {
        int lo = 0, hi = dates.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (dates[mid] < d) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private sealed class Dto
    {
        public int? TestLastDays { get; set; }
        public int? ValidationDays { get; set; }
        public int? EmbargoDays { get; set; }
        public string? TrainStart { get; set; }
        public List<string>? HeldOutSymbols { get; set; }
        public double? HeldOutFraction { get; set; }
        public int? Seed { get; set; }
    }
}
