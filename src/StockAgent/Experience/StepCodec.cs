using StockAgent.Rewards;
using System.Runtime.InteropServices;

namespace StockAgent.Experience;

/// <summary>Packs a trajectory's steps into one little-endian blob: steps and observation size (int32), the
/// observations (float32), actions (int32), then log-probs, step rewards, exposures and equity (float64).</summary>
internal static class StepCodec
{
    public static byte[] Encode(Trajectory t)
    {
        int n = t.Steps, o = t.ObservationSize;
        var blob = new byte[8 + n * o * 4 + n * 4 + 4 * n * 8];
        var span = blob.AsSpan();
        BitConverter.TryWriteBytes(span, n);
        BitConverter.TryWriteBytes(span[4..], o);
        int at = 8;
        Copy(MemoryMarshal.AsBytes(t.Observations.AsSpan()), span, ref at);
        Copy(MemoryMarshal.AsBytes(t.Actions.AsSpan()), span, ref at);
        Copy(MemoryMarshal.AsBytes(t.LogProbs.AsSpan()), span, ref at);
        Copy(MemoryMarshal.AsBytes(t.Rewards.AsSpan()), span, ref at);
        Copy(MemoryMarshal.AsBytes(t.Exposures.AsSpan()), span, ref at);
        Copy(MemoryMarshal.AsBytes(t.Equity.AsSpan()), span, ref at);
        return blob;
    }

    public static Trajectory Decode(byte[] blob, TrajectoryMetadata metadata, EpisodeStats stats, double reward)
    {
        var span = blob.AsSpan();
        int n = BitConverter.ToInt32(span), o = BitConverter.ToInt32(span[4..]);
        if (n < 0 || o < 0 || blob.Length != 8 + n * o * 4 + n * 4 + 4 * n * 8)
            throw new InvalidDataException($"corrupt step data for {metadata.Symbol} {metadata.Start:yyyy-MM-dd} ({blob.Length} bytes for {n} steps x {o}).");
        int at = 8;
        var obs = Read<float>(span, n * o, ref at);
        var actions = Read<int>(span, n, ref at);
        var logProbs = Read<double>(span, n, ref at);
        var rewards = Read<double>(span, n, ref at);
        var exposures = Read<double>(span, n, ref at);
        var equity = Read<double>(span, n, ref at);
        return new Trajectory(metadata, stats, reward, o, obs, actions, logProbs, rewards, exposures, equity);
    }

    private static void Copy(ReadOnlySpan<byte> source, Span<byte> target, ref int at)
    {
        source.CopyTo(target[at..]);
        at += source.Length;
    }

    private static T[] Read<T>(ReadOnlySpan<byte> span, int count, ref int at) where T : struct
    {
        var result = new T[count];
        int bytes = count * Marshal.SizeOf<T>();
        span.Slice(at, bytes).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        at += bytes;
        return result;
    }
}
