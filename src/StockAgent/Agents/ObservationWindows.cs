using StockAgent.Features;

namespace StockAgent.Agents;

/// <summary>
/// The one rule for a sequence model's inputs, used when acting (<see cref="NeuralPolicy"/>'s sessions) and in every
/// training path (SFT samples, RL rollout batches, library replay): the window at bar t holds the observations of bars
/// t - length + 1 .. t, oldest first ([length x size] values). The bars the caller has observed itself (an episode's
/// own bars, each with the position held at its close) are its rows; the bars before them are the real earlier bars,
/// read from the <see cref="IObservationSource"/> with the flat position (an episode starts flat, so nothing was held
/// before it); a bar before the series' first is the first bar, flat. Reads no bar after t.
/// </summary>
public static class ObservationWindows
{
    /// <summary>Writes the window at bar <paramref name="bar"/> into <paramref name="destination"/>: its last k rows are
    /// <paramref name="recent"/> (the caller's observations of bars bar - k + 1 .. bar, 1 &lt;= k &lt;= length), the
    /// length - k rows before them are observed flat from <paramref name="source"/> (null only when k = length).</summary>
    public static void Fill(IObservationSource? source, int size, int bar, ReadOnlySpan<float> recent, int length, Span<float> destination)
    {
        Check(size, length, recent.Length, destination.Length, length * size);
        int k = recent.Length / size;
        if (k < 1 || k > length)
            throw new ArgumentException($"a window of {length} bars takes 1 to {length} observed rows (got {k}).", nameof(recent));
        FlatRows(source, size, bar - length + 1, length - k, destination);
        recent.CopyTo(destination[((length - k) * size)..]);
    }

    /// <summary>Writes the window of every step of an episode whose decisions are at bars <paramref name="start"/>,
    /// start + 1, ... and whose observations are <paramref name="rows"/> (one per step): window s, at bar start + s, is
    /// [steps x length x size] values at s x length x size. <paramref name="source"/> gives the bars before
    /// <paramref name="start"/> (null only when length = 1).</summary>
    public static void Episode(IObservationSource? source, int size, int start, ReadOnlySpan<float> rows, int length, Span<float> destination)
    {
        int steps = size > 0 ? rows.Length / size : 0, width = size * length;
        Check(size, length, rows.Length, destination.Length, steps * width);
        for (int s = 0; s < steps; s++)
        {
            int k = Math.Min(s + 1, length);
            Fill(source, size, start + s, rows.Slice((s + 1 - k) * size, k * size), length, destination.Slice(s * width, width));
        }
    }

    /// <summary>The observations of <paramref name="count"/> bars from <paramref name="firstBar"/> on (a bar below 0 is
    /// bar 0), each with the flat position.</summary>
    private static void FlatRows(IObservationSource? source, int size, int firstBar, int count, Span<float> destination)
    {
        if (count == 0) return;
        if (source is null)
            throw new ArgumentNullException(nameof(source), $"a window reaching {count} bar(s) before the first observed one needs the observation source to read them from.");
        if (source.Size != size)
            throw new ArgumentException($"the observation source gives {source.Size} values per bar, the window takes {size}.", nameof(source));
        for (int j = 0; j < count; j++)
            source.Observe(Math.Max(0, firstBar + j), PositionState.Flat, destination.Slice(j * size, size));
    }

    private static void Check(int size, int length, int rows, int room, int needed)
    {
        if (size < 1 || length < 1 || rows % size != 0)
            throw new ArgumentException($"windows need rows of {size} values and a length of at least 1 (got {rows} values, length {length}).");
        if (room < needed)
            throw new ArgumentException($"the windows need {needed} values of room (got {room}).");
    }
}
