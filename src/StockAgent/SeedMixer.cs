namespace StockAgent;

/// <summary>Derives child seeds from a run seed, identically in every process (unlike <see cref="HashCode"/>, which
/// is randomised per process): SplitMix64 over the inputs, folded to a non-negative int.</summary>
public static class SeedMixer
{
    public static int Mix(params ReadOnlySpan<long> parts)
    {
        ulong state = 0x9E3779B97F4A7C15UL;
        foreach (var p in parts)
        {
            state ^= (ulong)p;
            state = SplitMix(state);
        }
        return (int)(state & 0x7FFFFFFF);
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
