using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>
/// A portfolio-level policy from a <see cref="NeuralPolicy"/>: every symbol's score comes from the same network applied
/// to that symbol's observation (one batched forward pass per day), and <see cref="Weighting"/> turns the scores into
/// weights. Sampling (the network not greedy), each symbol draws an action from its categorical with its own seeded
/// generator (seed mixed from the episode's seed and the symbol's index), its log-probability is recorded, and its score
/// is the drawn exposure x_a plus <see cref="TieBreak"/> x its expected exposure sum_b p_b x_b; the weights are then a
/// deterministic function of the drawn actions, so an episode's log-probability is the sum of its steps'. Greedy, the
/// action is the most probable one and the score the expected exposure. A symbol is eligible for a long-only weight when
/// its action's exposure is above the action space's smallest (choosing the smallest keeps it in cash).
/// </summary>
public sealed class PortfolioPolicy : IPortfolioPolicy
{
    /// <summary>Weight of the expected exposure in a sampled score: it only breaks ties between equal drawn exposures.</summary>
    public const double TieBreak = 1e-3;

    public PortfolioPolicy(NeuralPolicy network, PortfolioWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(weighting);
        weighting.Validate();
        Network = network;
        Weighting = weighting;
    }

    /// <summary>The portfolio policy of a portfolio-level model (its metadata's weighting); null for a symbol-level one.</summary>
    public static PortfolioPolicy? Of(NeuralPolicy network) => network.Metadata.Portfolio is { } w ? new PortfolioPolicy(network, w) : null;

    public NeuralPolicy Network { get; }
    public PortfolioWeighting Weighting { get; }
    public string Id => "portfolio-" + Network.Id;
    public string Version => Network.Version;
    public ActionSpace Actions => Network.Actions;
    public bool AllowsShort => Weighting.LongShort;

    public double FullWeight(int symbols) => Weighting.FullWeight(symbols);

    public IPortfolioSession Begin(IReadOnlyList<PriceSeries> universe, int seed)
    {
        ArgumentNullException.ThrowIfNull(universe);
        return new Session(this, universe.Select((s, k) => Network.Begin(s, SeedMixer.Mix(seed, k))).ToArray());
    }

    private sealed class Session(PortfolioPolicy policy, IPolicySession[] sessions) : IPortfolioSession
    {
        public void Decide(ReadOnlySpan<PortfolioStep> steps, ReadOnlySpan<float> observations, Span<double> weights, Span<PolicyDecision> decisions)
        {
            int n = steps.Length;
            if (weights.Length < n || decisions.Length < n)
                throw new ArgumentException($"{n} steps need {n} places for weights and decisions (got {weights.Length} and {decisions.Length}).");
            if (n == 0) return;
            var network = policy.Network;
            var rows = new SessionStep[n];
            for (int r = 0; r < n; r++)
            {
                var s = steps[r];
                if ((uint)s.Symbol >= (uint)sessions.Length)
                    throw new ArgumentException($"step {r} names symbol {s.Symbol} of a universe of {sessions.Length}.", nameof(steps));
                rows[r] = new SessionStep(sessions[s.Symbol], s.Bar, s.Position, s.Source);
            }
            var logp = network.DecideSessionsWithProbabilities(rows, observations, decisions);
            var exposures = network.Actions.Exposures;
            int k = exposures.Count;
            double smallest = exposures.Min();
            var scores = new double[n];
            var eligible = new bool[n];
            for (int r = 0; r < n; r++)
            {
                double expected = 0;
                for (int a = 0; a < k; a++) expected += Math.Exp(logp[r * k + a]) * exposures[a];
                double chosen = exposures[decisions[r].Action];
                scores[r] = network.Greedy ? expected : chosen + TieBreak * expected;
                eligible[r] = chosen > smallest;
            }
            policy.Weighting.Weights(scores, eligible, weights);
        }
    }
}
