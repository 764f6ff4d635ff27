using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>
/// Base of the rule-based baselines: a session turns each bar into a signal +1 (long), -1 (bearish) or 0
/// (flat). Bullish maps to the largest exposure of the action space; bearish to the smallest (short when
/// the space allows it, else flat). A baseline's indicators are the Features kernels' (<c>Sma</c>, <c>Rsi</c>,
/// <c>LogReturn</c>), advanced bar by bar up to the bar being decided with the kernels' own cursors, so a decision at t
/// reads no later bar and a session costs O(t). Per-session state (a position rule, a review clock) starts at the
/// session's first decision.
/// </summary>
public abstract class SignalPolicy : IPolicy
{
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
