using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>Long while the simple moving average of the last <c>fast</c> closes is above that of the last
/// <c>slow</c> closes (both including t); bearish otherwise; flat until <c>slow</c> closes exist.</summary>
public sealed class SmaCrossoverPolicy : SignalPolicy
{
    private readonly int _fast, _slow;

    public SmaCrossoverPolicy(int fast = 50, int slow = 200, ActionSpace? actions = null)
        : base("sma-crossover", $"fast={fast},slow={slow}", actions)
    {
        if (fast < 1) throw new ArgumentException($"--fast must be at least 1 (got {fast}).");
        if (fast >= slow) throw new ArgumentException($"--fast ({fast}) must be smaller than --slow ({slow}).");
        _fast = fast;
        _slow = slow;
    }

    protected override Func<int, int> CreateSignal(PriceSeries series)
    {
        var close = series.Close;
        int next = 0;
        double fastSum = 0, slowSum = 0;
        return t =>
        {
            for (; next <= t; next++)
            {
                fastSum += close[next];
                slowSum += close[next];
                if (next >= _fast) fastSum -= close[next - _fast];
                if (next >= _slow) slowSum -= close[next - _slow];
            }
            if (t + 1 < _slow) return 0;
            return fastSum / _fast > slowSum / _slow ? 1 : -1;
        };
    }
}
