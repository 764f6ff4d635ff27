namespace StockAgent.Tests.Statistics;

/// <summary>
/// numpy's legacy generator, numpy.random.RandomState(seed), enough to reproduce other projects' published test values
/// computed on its draws: MT19937 seeded by init_genrand(seed), doubles from two 32-bit words
/// ((a &gt;&gt; 5) 2^26 + (b &gt;&gt; 6)) / 2^53, and standard_normal by the polar method (legacy_gauss: it returns f x2 and
/// keeps f x1 for the next call). Checked against np.random.seed(0); np.random.randn(3) = 1.764052345967664,
/// 0.4001572083672233, 0.9787379841057392.
/// </summary>
internal sealed class NumpyRandomState
{
    private readonly uint[] _mt = new uint[624];
    private int _index;
    private double? _gauss;

    public NumpyRandomState(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < 624; i++) _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _index = 624;
    }

    public uint NextUInt32()
    {
        if (_index >= 624)
        {
            for (int i = 0; i < 624; i++)
            {
                uint y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % 624] & 0x7fffffffu);
                _mt[i] = _mt[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908b0dfu : 0);
            }
            _index = 0;
        }
        uint x = _mt[_index++];
        x ^= x >> 11;
        x ^= (x << 7) & 0x9d2c5680u;
        x ^= (x << 15) & 0xefc60000u;
        x ^= x >> 18;
        return x;
    }

    public double NextDouble()
    {
        uint a = NextUInt32() >> 5, b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    public double StandardNormal()
    {
        if (_gauss is { } cached)
        {
            _gauss = null;
            return cached;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2 * NextDouble() - 1;
            x2 = 2 * NextDouble() - 1;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1 || r2 == 0);
        double f = Math.Sqrt(-2 * Math.Log(r2) / r2);
        _gauss = f * x1;
        return f * x2;
    }
}
