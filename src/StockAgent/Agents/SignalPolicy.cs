using System.Runtime.CompilerServices;
using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>
/// Base of the rule-based baselines: a session turns each bar into a signal +1 (long), -1 (bearish) or 0
/// (flat). Bullish maps to the largest exposure of the action space; bearish to the smallest (short when
/// the space allows it, else flat). A baseline's indicators come from the Features kernels, computed once per series
/// (and shared by every session on it: <see cref="Indicators{T}"/>); their value at t uses bars up to t only, so a
/// decision at t depends on nothing later. Per-session state (a position rule, a review clock) starts at the session's
/// first decision.
/// </summary>
public abstract class SignalPolicy : IPolicy
{
    private readonly ConditionalWeakTable<PriceSeries, object> _indicators = new();

    protected SignalPolicy(string id, string version, ActionSpace? actions)
    {
        Id = id;
        Version = version;
        Actions = actions ?? ActionSpace.LongOnly;
        _long = Actions.NearestIndex(Actions.Exposures.Max());
        _short = Actions.NearestIndex(Actions.AllowsShort ? Actions.Exposures.Min() : 0);
        _flat = Actions.NearestIndex(0);
    }

    private readonly int _long, _short, _flat;

    public string Id { get; }
    public string Version { get; }
    public ActionSpace Actions { get; }

    public IPolicySession Begin(PriceSeries series, int seed) => new Session(this, CreateSignal(series));

    /// <summary>Returns a function from bar t to the signal at t's close (called with increasing t).</summary>
    protected abstract Func<int, int> CreateSignal(PriceSeries series);

    /// <summary>The indicator series of <paramref name="series"/>, computed by <paramref name="compute"/> on first use
    /// and cached for this policy while the series lives (safe from parallel sessions). <paramref name="compute"/> must
    /// be causal (the value at t from bars up to t) and depend on the series and this policy's parameters only.</summary>
    protected T Indicators<T>(PriceSeries series, Func<PriceSeries, T> compute) where T : class =>
        (T)_indicators.GetValue(series, s => compute(s));

    private sealed class Session(SignalPolicy policy, Func<int, int> signal) : IPolicySession
    {
        public PolicyDecision Decide(in DecisionContext context)
        {
            int s = signal(context.Bar);
            int action = s > 0 ? policy._long : s < 0 ? policy._short : policy._flat;
            return new PolicyDecision(action, policy.Actions.Exposures[action], 1.0, 0.0);
        }
    }
}
