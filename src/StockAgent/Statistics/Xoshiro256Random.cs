namespace StockAgent.Statistics;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018) seeded through SplitMix64: a fast, reproducible <see cref="Random"/> for the
/// resampling loops (a seeded <see cref="Random"/> uses the slow legacy algorithm). Next(max) is Lemire's unbiased
/// multiply-and-reject; NextDouble is the top 53 bits / 2^53.
/// </summary>
internal sealed class Xoshiro256Random : Random
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256Random(long seed)
    {
        ulong x = (ulong)seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9, t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        if (maxValue <= 1) return 0;
        uint bound = (uint)maxValue;
        ulong m = (NextUInt64() >> 32) * bound;
        if ((uint)m < bound)
        {
            uint threshold = (0u - bound) % bound;
            while ((uint)m < threshold) m = (NextUInt64() >> 32) * bound;
        }
        return (int)(m >> 32);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        long range = (long)maxValue - minValue;
        return range <= int.MaxValue ? minValue + Next((int)range) : (int)(minValue + (long)(NextDouble() * range));
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
