using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>Time-series momentum: every <c>hold</c> bars, long if the <c>lookback</c>-bar <see cref="LogReturn"/>
/// ln(close_t / close_{t-lookback}) is positive, bearish otherwise, and keep that decision until the next review (the
/// first review is the session's first decision with enough history). Flat before <c>lookback</c> bars of history.</summary>
public sealed class MomentumPolicy : SignalPolicy
{
    private readonly int _lookback, _hold;

    public MomentumPolicy(int lookback = 60, int hold = 20, ActionSpace? actions = null)
        : base("momentum", $"lookback={lookback},hold={hold}", actions)
    {
        if (lookback < 1) throw new ArgumentOutOfRangeException(nameof(lookback), $"lookback must be at least 1 (got {lookback}).");
        if (hold < 1) throw new ArgumentOutOfRangeException(nameof(hold), $"hold must be at least 1 (got {hold}).");
        _lookback = lookback;
        _hold = hold;
    }

    protected override Func<int, int> CreateSignal(PriceSeries series)
    {
        var close = series.Close;
        int signal = 0, lastReview = int.MinValue;
        return t =>
        {
            if (t < _lookback) return 0;
            if (lastReview == int.MinValue || t - lastReview >= _hold)
            {
                signal = LogReturn.At(close, t, _lookback) > 0 ? 1 : -1;
                lastReview = t;
            }
            return signal;
        };
    }
}
