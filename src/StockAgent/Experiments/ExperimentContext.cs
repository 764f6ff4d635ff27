using StockAgent.Experience;
using StockAgent.Market;

namespace StockAgent.Experiments;

/// <summary>
/// The market an experiment runs on, ready for collection, training and evaluation: loaded (a CSV folder or the
/// synthetic market), split (periods and held-out symbols resolved against its trading days), with the market's
/// aggregates (equal-weight index, sector means) restricted to the training symbols so held-out symbols leave no trace
/// in any feature, and the data's identity for run records. A notebook cell, a CLI command and the pipeline all start
/// here: <c>var context = ExperimentContext.Load(new ExperimentSettings { DataDirectory = dir });</c>
/// </summary>
public sealed class ExperimentContext
{
    private ExperimentContext(ExperimentSettings settings, MarketData market, DataSplit split, ResolvedSplit resolved, DataIdentity data, IReadOnlyList<DateOnly> calendar)
    {
        Settings = settings;
        Market = market;
        Split = split;
        Resolved = resolved;
        Data = data;
        Calendar = calendar;
    }

    public ExperimentSettings Settings { get; }

    /// <summary>The market, its aggregates built from the training symbols only (<see cref="MarketData.IndexMembers"/>).</summary>
    public MarketData Market { get; }

    public DataSplit Split { get; }

    public ResolvedSplit Resolved { get; }

    public DataIdentity Data { get; }

    /// <summary>Every trading day of the market (the union of its symbols' dates), oldest first.</summary>
    public IReadOnlyList<DateOnly> Calendar { get; }

    public static ExperimentContext Load(ExperimentSettings? settings = null)
    {
        settings ??= new ExperimentSettings();
        var split = settings.SplitFile is { } file ? DataSplit.Load(file) : settings.Split ?? DataSplit.Default;
        var market = MarketSource.Load(settings.DataDirectory, settings.Synthetic);
        var calendar = market.Series.Values.SelectMany(s => s.Dates).Distinct().Order().ToArray();
        ResolvedSplit resolved;
        try
        {
            resolved = split.Resolve(calendar, market.Symbols.ToArray());
        }
        catch (InvalidDataException) when (settings.SplitOptional)
        {
            // Scored as a whole: no training or validation period, every symbol a training (index) symbol.
            resolved = new ResolvedSplit(calendar[0], calendar[0], null, null, calendar[0], calendar[^1], market.Symbols.ToArray(), []);
        }
        var restricted = market.WithIndexMembers(resolved.TrainingSymbols);
        bool synthetic = string.IsNullOrWhiteSpace(settings.DataDirectory);
        var o = settings.Synthetic;
        var data = new DataIdentity(
            synthetic ? "synthetic" : "folder",
            synthetic
                ? FormattableString.Invariant($"synthetic(seed={o.Seed}, symbols={o.Symbols}, sectors={o.Sectors}, years={o.Years}, signal={o.SignalStrength})")
                : Path.GetFullPath(settings.DataDirectory!),
            MarketFingerprint.Of(market), calendar[0], calendar[^1], market.Symbols.ToArray(), market.Benchmark?.Symbol,
            synthetic ? o.Seed : null);
        return new ExperimentContext(settings, restricted, split, resolved, data, calendar);
    }

    /// <summary>One line: the market and the split.</summary>
    public override string ToString() => $"market: {Market.Source}; split: {Resolved}";
}
