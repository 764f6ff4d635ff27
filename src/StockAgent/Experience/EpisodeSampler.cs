using StockAgent.Market;

namespace StockAgent.Experience;

/// <summary>Draws start states balanced across regimes and sectors (see <see cref="SamplerOptions"/>) from the
/// training symbols and training period of a split only, optionally restricted to (regime, sector) slices.
/// Deterministic for a seed.</summary>
public sealed class EpisodeSampler
{
    private readonly SamplerOptions _options;
    // regime -> sector -> candidate (symbol, start bar)
    private readonly Dictionary<MarketRegime, Dictionary<string, List<(string Symbol, int Start)>>> _candidates = [];

    public EpisodeSampler(MarketData market, ResolvedSplit split, SamplerOptions? options = null)
    {
        _options = options ?? new SamplerOptions();
        _options.Validate();
        var slices = _options.Slices?.ToHashSet();
        foreach (var symbol in split.TrainingSymbols)
        {
            var s = market[symbol];
            var sector = market.SectorOf(symbol);
            int first = Math.Max(_options.WarmupBars, s.IndexOnOrAfter(split.TrainStart));
            int lastEnd = s.IndexOnOrAfter(split.TrainEnd.AddDays(1)) - 1; // last bar inside training
            for (int start = first; start + _options.Window <= lastEnd; start += _options.Stride)
            {
                var regime = RegimeLabeler.Label(s, start, start + _options.Window, _options.Thresholds);
                if (slices is not null && !slices.Contains((regime, sector))) continue;
                if (!_candidates.TryGetValue(regime, out var bySector)) _candidates[regime] = bySector = [];
                if (!bySector.TryGetValue(sector, out var list)) bySector[sector] = list = [];
                list.Add((symbol, start));
            }
        }
        if (_candidates.Count == 0 && slices is not null)
            throw new ArgumentException($"no training windows of {_options.Window} bars in {split.TrainStart:yyyy-MM-dd}..{split.TrainEnd:yyyy-MM-dd} of the training symbols fall in the slices {string.Join(", ", slices.Select(p => $"{p.Regime}/{p.Sector}").Order(StringComparer.Ordinal))}.", "slices");
        if (_candidates.Count == 0)
            throw new ArgumentException($"no training windows of {_options.Window} bars fit the training period {split.TrainStart:yyyy-MM-dd}..{split.TrainEnd:yyyy-MM-dd} of the training symbols; shorten the window or widen the training period.", "window");
    }

    /// <summary>Number of candidate windows per regime.</summary>
    public IReadOnlyDictionary<string, int> CandidatesPerRegime =>
        _candidates.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.Values.Sum(l => l.Count));

    /// <summary>Draws <paramref name="count"/> episodes (rounded up to whole groups).</summary>
    public IReadOnlyList<EpisodeSpec> Sample(int count, int seed)
    {
        if (count < 1) throw new ArgumentException($"the number of episodes must be at least 1 (got {count}).", nameof(count));
        var rng = new Random(seed);
        var regimes = _candidates.Keys.OrderBy(r => r.ToString(), StringComparer.Ordinal).ToArray();
        var weights = regimes.Select(r => _options.RegimeWeights is { } w ? w.GetValueOrDefault(r) : 1.0).ToArray();
        if (weights.Sum() <= 0) throw new ArgumentException("the regime weights give zero weight to every regime that has training windows.");
        int groups = (count + _options.GroupSize - 1) / _options.GroupSize;
        var episodes = new List<EpisodeSpec>(groups * _options.GroupSize);
        for (int g = 0; g < groups; g++)
        {
            var regime = regimes[Pick(weights, rng)];
            var bySector = _candidates[regime];
            var sectors = bySector.Keys.Order(StringComparer.Ordinal).ToArray();
            var list = bySector[sectors[rng.Next(sectors.Length)]];
            var (symbol, start) = list[rng.Next(list.Count)];
            long? groupId = _options.GroupSize > 1 ? rng.NextInt64(1, long.MaxValue) : null;
            for (int k = 0; k < _options.GroupSize; k++)
                episodes.Add(new EpisodeSpec(symbol, start, _options.Window, groupId, rng.Next()));
        }
        return episodes;
    }

    private static int Pick(double[] weights, Random rng)
    {
        double x = rng.NextDouble() * weights.Sum();
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }
}
