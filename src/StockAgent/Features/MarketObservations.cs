using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StockAgent.Market;

namespace StockAgent.Features;

/// <summary>
/// The policy's observations for the symbols of one <see cref="MarketData"/>. Per bar, in <see cref="Names"/> order:
/// the symbol's <see cref="PriceFeatures"/>; the market's 1- and 20-bar log return and 20-bar realised volatility
/// (of the benchmark, or of an equal-weight index of the market's <see cref="MarketData.IndexMembers"/> when it has
/// none), read by date (the bar dated d sees the index's last bar dated on or before d); the symbol's 20- and 60-bar
/// log return minus the equal-weight mean of the index members of its sector on that date (itself included when it is
/// one); the <see cref="CrossSectionalRanks"/> of its momentum and reversal among the index members, in the universe and in
/// its sector, on that date; then the position state: exposure, unrealised return and days in trade / 60. A model reads
/// the columns it names (<see cref="ObservationColumns"/>): the base features (<see cref="BaseNames"/>, the observation of
/// the kit before the ranks) or all of them. No value at bar t reads data dated after t. One instance per MarketData
/// (<see cref="Of"/>); sources are built on first use and cached, and may be requested from parallel workers.
/// </summary>
public sealed class MarketObservations
{
    private static readonly ConditionalWeakTable<MarketData, MarketObservations> Instances = new();
    private static readonly int Features = PriceFeatures.Count + MarketContext.Names.Count + SectorStrength.Names.Count + CrossSectionalRanks.Names.Count;
    private static readonly string[] PositionNames = ["exposure", "unrealized_return", "days_in_trade"];

    private readonly MarketData _market;
    private readonly Lazy<MarketContext> _context;
    private readonly Lazy<Dictionary<string, SectorStrength>> _sectorOf; // symbol -> its sector's aggregates
    private readonly Lazy<CrossSectionalRanks> _ranks;
    private readonly Dictionary<string, string> _sector = new(StringComparer.Ordinal); // symbol -> its first universe row's sector
    private readonly ConcurrentDictionary<string, Lazy<IObservationSource>> _sources = new(StringComparer.Ordinal);

    private MarketObservations(MarketData market)
    {
        _market = market;
        foreach (var info in market.Universe) _sector.TryAdd(info.Symbol, info.Sector);
        _context = new(() => market.Benchmark is { } b
            ? MarketContext.FromBenchmark(b)
            : MarketContext.EqualWeight(market.Series.Where(p => market.IsIndexMember(p.Key)).Select(p => p.Value)));
        _sectorOf = new(() => SectorAggregates(market));
        _ranks = new(() => new CrossSectionalRanks(market.Series.Where(p => market.IsIndexMember(p.Key))
            .Select(p => (p.Value, SectorOf(p.Key))).ToArray()));
    }

    /// <summary>Every column of the observation, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. PriceFeatures.Names, .. MarketContext.Names, .. SectorStrength.Names, .. CrossSectionalRanks.Names, .. PositionNames];

    /// <summary>The base features and the position state: every column but the cross-sectional ranks (the observation
    /// of models made before them).</summary>
    public static IReadOnlyList<string> BaseNames { get; } = [.. PriceFeatures.Names, .. MarketContext.Names, .. SectorStrength.Names, .. PositionNames];

    /// <summary>The cross-sectional rank columns (momentum 12-1, 1-month momentum and 5-day reversal, in the universe and
    /// in the sector).</summary>
    public static IReadOnlyList<string> CrossSectionalNames => CrossSectionalRanks.Names;

    public int Size => Names.Count;

    /// <summary>The observations of <paramref name="market"/>, built once per instance and shared.</summary>
    public static MarketObservations Of(MarketData market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return Instances.GetValue(market, m => new MarketObservations(m));
    }

    /// <summary>The observation source of <paramref name="symbol"/> (built on first request, then cached).</summary>
    public IObservationSource For(string symbol) =>
        _sources.GetOrAdd(symbol, s => new Lazy<IObservationSource>(() => Build(s))).Value;

    /// <summary>Observations of <paramref name="series"/> in a market made of it and <paramref name="sectorPeers"/>, all
    /// in one sector, with <paramref name="benchmark"/> as the market index (an equal-weight index of them when null).</summary>
    public static IObservationSource ForSeries(PriceSeries series, PriceSeries? benchmark = null, params IReadOnlyList<PriceSeries> sectorPeers)
    {
        ArgumentNullException.ThrowIfNull(series);
        PriceSeries[] members = [series, .. sectorPeers];
        var duplicate = members.GroupBy(s => s.Symbol, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"symbol {duplicate.Key} appears more than once among the series and its peers.", nameof(sectorPeers));
        var market = new MarketData(members.Select(s => new SymbolInfo(s.Symbol, s.Symbol, "Sector")).ToArray(),
            members.ToDictionary(s => s.Symbol, StringComparer.Ordinal), benchmark, $"series {series.Symbol}");
        return new MarketObservations(market).For(series.Symbol);
    }

    /// <summary>The sector of <paramref name="symbol"/>: its first row in the universe, "Unknown" when it has none.</summary>
    private string SectorOf(string symbol) => _sector.GetValueOrDefault(symbol, "Unknown");

    private Dictionary<string, SectorStrength> SectorAggregates(MarketData market)
    {
        var result = new Dictionary<string, SectorStrength>(StringComparer.Ordinal);
        foreach (var group in market.Series.GroupBy(p => SectorOf(p.Key), StringComparer.Ordinal))
        {
            var strength = new SectorStrength(group.Where(p => market.IsIndexMember(p.Key)).Select(p => p.Value));
            foreach (var p in group) result[p.Key] = strength;
        }
        return result;
    }

    private Source Build(string symbol)
    {
        var series = _market[symbol];
        int stride = Features;
        var features = new float[series.Count * stride];
        PriceFeatures.Compute(series.Close, series.Volume, features, stride);
        _context.Value.Write(series.Dates, features.AsSpan(PriceFeatures.Count), stride);
        int sectorAt = PriceFeatures.Count + MarketContext.Names.Count;
        _sectorOf.Value[symbol].Write(series, features.AsSpan(sectorAt), stride);
        _ranks.Value.Write(series, SectorOf(symbol), features.AsSpan(sectorAt + SectorStrength.Names.Count), stride);
        return new Source(features);
    }

    private sealed class Source(float[] features) : IObservationSource
    {
        public int Size => Names.Count;

        public void Observe(int t, in PositionState position, Span<float> destination)
        {
            features.AsSpan(t * Features, Features).CopyTo(destination);
            destination[Features] = (float)position.Exposure;
            destination[Features + 1] = (float)position.UnrealizedReturn;
            destination[Features + 2] = position.DaysInTrade / 60f;
        }
    }
}
