using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>Long while the simple moving average (<see cref="Sma"/>) of the last <c>fast</c> closes is above that of the
/// last <c>slow</c> closes (both including t); bearish otherwise; flat until <c>slow</c> closes exist.</summary>
public sealed class SmaCrossoverPolicy : SignalPolicy
{
    private readonly int _fast, _slow;

    public SmaCrossoverPolicy(int fast = 50, int slow = 200, ActionSpace? actions = null)
        : base("sma-crossover", $"fast={fast},slow={slow}", actions)
    {
        if (fast < 1) throw new ArgumentOutOfRangeException(nameof(fast), $"fast must be at least 1 (got {fast}).");
        if (fast >= slow) throw new ArgumentException($"fast ({fast}) must be smaller than slow ({slow}).", nameof(fast));
        _fast = fast;
        _slow = slow;
    }

    protected override Func<int, int> CreateSignal(PriceSeries series)
    {
        var close = series.Close;
        Sma.Cursor fast = new(_fast), slow = new(_slow);
        int next = 0;
        return t =>
        {
            for (; next <= t; next++)
            {
                fast.Advance(close, next);
                slow.Advance(close, next);
            }
            return t + 1 < _slow ? 0 : fast.Value(t) > slow.Value(t) ? 1 : -1;
        };
    }
}
