using StockAgent.Agents;
using StockAgent.Market;

namespace StockAgent.Tests.Support;

/// <summary>A policy that returns a fixed target exposure per bar (0 past the script's end).</summary>
public sealed class ScriptedPolicy(double[] exposures, ActionSpace? actions = null) : IPolicy
{
    public string Id => "scripted";
    public string Version => "1";
    public ActionSpace Actions { get; } = actions ?? (exposures.Any(e => e < 0) ? ActionSpace.LongShort : ActionSpace.LongOnly);

    public IPolicySession Begin(PriceSeries series, int seed) => new Session(this);

    private sealed class Session(ScriptedPolicy p) : IPolicySession
    {
        public PolicyDecision Decide(in DecisionContext context)
        {
            double e = context.Bar < p._exposures.Length ? p._exposures[context.Bar] : 0;
            return new PolicyDecision(p.Actions.NearestIndex(e), e, 1, 0);
        }
    }

    private readonly double[] _exposures = exposures;

    public static ScriptedPolicy Constant(double exposure, int bars) => new(Enumerable.Repeat(exposure, bars).ToArray());
}
