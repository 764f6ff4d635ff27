using System.Globalization;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>RSI mean reversion: Wilder's RSI (<see cref="Rsi"/>) over <c>period</c> closes; enter long when RSI falls below
/// <c>oversold</c>, exit when it rises above <c>exit</c>; (with shorting) enter short above 100 - oversold
/// and cover below 100 - exit. Flat until <c>period</c> returns exist; the position rule starts flat at the session's
/// first decision.</summary>
public sealed class MeanReversionPolicy : SignalPolicy
{
    private readonly int _period;
    private readonly double _oversold, _exit;

    public MeanReversionPolicy(int period = 14, double oversold = 30, double exit = 50, ActionSpace? actions = null)
        : base("mean-reversion", string.Create(CultureInfo.InvariantCulture, $"rsi={period},enter={oversold},exit={exit}"), actions)
    {
        if (period < 2) throw new ArgumentOutOfRangeException(nameof(period), $"period must be at least 2 (got {period}).");
        if (!(oversold > 0 && oversold < exit && exit < 100))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"RSI levels must satisfy 0 < oversold ({oversold}) < exit ({exit}) < 100."), nameof(oversold));
        _period = period;
        _oversold = oversold;
        _exit = exit;
    }

    protected override Func<int, int> CreateSignal(PriceSeries series)
    {
        var close = series.Close;
        var rsi = new Rsi.Cursor(_period);
        bool canShort = Actions.AllowsShort;
        int state = 0, next = 0;
        return t =>
        {
            for (; next <= t; next++) rsi.Advance(close, next);
            if (t < _period) return 0;
            double value = rsi.Value(t);
            if (state == 0)
            {
                if (value < _oversold) state = 1;
                else if (canShort && value > 100 - _oversold) state = -1;
            }
            else if (state == 1 && value > _exit) state = 0;
            else if (state == -1 && value < 100 - _exit) state = 0;
            return state;
        };
    }
}
