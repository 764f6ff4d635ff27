using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>RSI mean reversion: Wilder's RSI over <c>period</c> closes; enter long when RSI falls below
/// <c>oversold</c>, exit when it rises above <c>exit</c>; (with shorting) enter short above 100 - oversold
/// and cover below 100 - exit. Flat until <c>period</c> returns exist.</summary>
public sealed class MeanReversionPolicy : SignalPolicy
{
    private readonly int _period;
    private readonly double _oversold, _exit;

    public MeanReversionPolicy(int period = 14, double oversold = 30, double exit = 50, ActionSpace? actions = null)
        : base("mean-reversion", $"rsi={period},enter={oversold},exit={exit}", actions)
    {
        if (period < 2) throw new ArgumentException($"--rsi-period must be at least 2 (got {period}).");
        if (!(oversold > 0 && oversold < exit && exit < 100)) throw new ArgumentException($"RSI levels must satisfy 0 < enter ({oversold}) < exit ({exit}) < 100.");
        _period = period;
        _oversold = oversold;
        _exit = exit;
    }

    protected override Func<int, int> CreateSignal(PriceSeries series)
    {
        var close = series.Close;
        bool canShort = Actions.AllowsShort;
        int next = 1, state = 0;
        double avgGain = 0, avgLoss = 0;
        return t =>
        {
            for (; next <= t; next++)
            {
                double change = close[next] - close[next - 1];
                double gain = Math.Max(change, 0), loss = Math.Max(-change, 0);
                if (next <= _period)
                {
                    avgGain += gain / _period;
                    avgLoss += loss / _period;
                }
                else
                {
                    avgGain = (avgGain * (_period - 1) + gain) / _period;
                    avgLoss = (avgLoss * (_period - 1) + loss) / _period;
                }
            }
            if (t < _period) return 0;
            double rsi = avgLoss == 0 ? 100 : 100 - 100 / (1 + avgGain / avgLoss);
            if (state == 0)
            {
                if (rsi < _oversold) state = 1;
                else if (canShort && rsi > 100 - _oversold) state = -1;
            }
            else if (state == 1 && rsi > _exit) state = 0;
            else if (state == -1 && rsi < 100 - _exit) state = 0;
            return state;
        };
    }
}
