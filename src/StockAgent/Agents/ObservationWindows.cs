namespace StockAgent.Agents;

/// <summary>
/// Sequence inputs for recurrent policies: the rows of one episode [steps x size] become windows
/// [steps x (length x size)], window t holding observations t - length + 1 .. t, oldest first. Before the episode's
/// first observation the window repeats that first observation, so training (from stored trajectories) and acting
/// (one decision at a time, <see cref="NeuralPolicy"/>) build the same inputs. Reads no row after t.
/// </summary>
public static class ObservationWindows
{
    public static void Stack(ReadOnlySpan<float> rows, int size, int length, Span<float> destination)
    {
        if (size < 1 || length < 1 || rows.Length % size != 0)
            throw new ArgumentException($"windows need rows of {size} values and a length of at least 1 (got {rows.Length} values, length {length}).");
        int steps = rows.Length / size, width = size * length;
        if (destination.Length < steps * width)
            throw new ArgumentException($"{steps} windows of {width} values need {steps * width} values of room (got {destination.Length}).");
        for (int t = 0; t < steps; t++)
            for (int j = 0; j < length; j++)
            {
                int source = Math.Max(0, t - length + 1 + j);
                rows.Slice(source * size, size).CopyTo(destination.Slice(t * width + j * size, size));
            }
    }
}
