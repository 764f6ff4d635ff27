using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>Picks an action uniformly at random at every bar; log-probability ln(1 / number of actions).
/// The same seed gives the same actions.</summary>
public sealed class RandomPolicy(ActionSpace? actions = null) : IPolicy
{
    public string Id => "random";
    public string Version => "uniform";
    public ActionSpace Actions { get; } = actions ?? ActionSpace.LongOnly;

    public IPolicySession Begin(PriceSeries series, int seed) => new Session(Actions, new Random(seed));

    private sealed class Session(ActionSpace actions, Random rng) : IPolicySession
    {
        private readonly double _logProb = -Math.Log(actions.Count);

        public PolicyDecision Decide(in DecisionContext context)
        {
            int a = rng.Next(actions.Count);
            return new PolicyDecision(a, actions.Exposures[a], 1.0 / actions.Count, _logProb);
        }
    }
}
