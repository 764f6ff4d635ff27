using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>
/// A stored trajectory's sequence-model inputs, by <see cref="ObservationWindows"/>' rule, so training sees what the
/// policy saw when it acted: a trajectory stores its own bars only, so the trajectory is found in the market it was
/// collected on (its symbol and first date) and the bars before its start are that market's observations (flat). The
/// episode started flat, so its stored first observation must equal the market's flat observation of that bar; when it
/// does not, the trajectory came from other data (another data folder, synthetic seed or split) and is refused.
/// </summary>
internal static class TrajectoryWindows
{
    /// <summary>Writes the window of every step of <paramref name="trajectory"/> (steps x length x observation size
    /// values) into <paramref name="destination"/>; <paramref name="market"/> may be null only when length is 1.</summary>
    public static void Write(Trajectory trajectory, MarketData? market, int length, Span<float> destination)
    {
        int size = trajectory.ObservationSize;
        if (length == 1)
        {
            ObservationWindows.Episode(null, size, 0, trajectory.Observations, 1, destination);
            return;
        }
        var m = trajectory.Metadata;
        if (market is null)
            throw new ArgumentNullException(nameof(market), $"a window of {length} bars reaches before the first bar of the trajectory of {m.Symbol} " +
                $"from {m.Start:yyyy-MM-dd}: pass the market it was collected on.");
        if (!market.Series.TryGetValue(m.Symbol, out var series))
            throw new InvalidDataException($"trajectory of {m.Symbol} from {m.Start:yyyy-MM-dd}: {market.Source} has no symbol {m.Symbol}; it was collected on other data.");
        int start = series.IndexOnOrAfter(m.Start);
        if (start >= series.Count || series.Dates[start] != m.Start || start + trajectory.Steps >= series.Count)
            throw new InvalidDataException($"trajectory of {m.Symbol} from {m.Start:yyyy-MM-dd} ({trajectory.Steps} steps) does not lie on the bars of {m.Symbol} in {market.Source}; it was collected on other data.");
        var source = MarketObservations.Of(market).For(m.Symbol);
        if (source.Size != size)
            throw new InvalidDataException($"trajectory of {m.Symbol} from {m.Start:yyyy-MM-dd} has {size}-value observations but the market gives {source.Size}.");
        Span<float> first = stackalloc float[size];
        source.Observe(start, PositionState.Flat, first);
        if (trajectory.Steps > 0 && !first.SequenceEqual(trajectory.Observation(0)))
            throw new InvalidDataException($"trajectory of {m.Symbol} from {m.Start:yyyy-MM-dd}: its first observation differs from {market.Source}'s at that bar, " +
                "so it was collected on other data (another data folder, synthetic seed or split); train on the market it was collected on.");
        ObservationWindows.Episode(source, size, start, trajectory.Observations, length, destination);
    }
}
