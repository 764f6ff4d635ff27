using System.Globalization;
using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>Any policy with volatility-targeted sizing (<see cref="VolatilityTarget"/>): each decision's exposure is sized
/// at its bar from the session's closes up to it; the action index, confidence and log-probability are the inner policy's.
/// For baselines (<c>backtest --vol-target</c>); a neural model carries its own sizing (<see cref="NeuralPolicyMetadata.Sizing"/>).
/// Not an <see cref="IBatchPolicy"/>: a wrapped neural policy decides one session at a time.</summary>
public sealed class VolatilityTargetedPolicy(IPolicy inner, VolatilityTarget sizing) : IPolicy
{
    public IPolicy Inner => inner;
    public VolatilityTarget Sizing => sizing;
    public string Id => inner.Id + "+vol-target";
    public string Version => string.Create(CultureInfo.InvariantCulture, $"{inner.Version}+vt{sizing.Target:0.####}-{sizing.Lookback}-{sizing.Cap:0.####}");
    public ActionSpace Actions => inner.Actions;

    public IPolicySession Begin(PriceSeries series, int seed) => new Session(inner.Begin(series, seed), sizing, series.Close);

    private sealed class Session(IPolicySession inner, VolatilityTarget sizing, double[] close) : IPolicySession
    {
        public PolicyDecision Decide(in DecisionContext context)
        {
            var d = inner.Decide(context);
            return d with { TargetExposure = sizing.Size(d.TargetExposure, close, context.Bar) };
        }
    }
}
