using StockAgent.Agents;
using StockAgent.Market;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Agents;

/// <summary>How a contract case's policy chooses: by rules (exact arithmetic), or from libtorch networks: the argmax of
/// one network, a draw from one network's distribution, a majority vote of greedy members, the argmax of the members'
/// mean probability.</summary>
public enum ChoiceKind { Rules, Greedy, Sampled, Vote, MeanProbability }

/// <summary>
/// One policy of <see cref="PolicyContractCatalogue"/>: the policy, the networks it runs (itself for a neural policy, its
/// neural members for an ensemble; none for a baseline) and how it chooses. libtorch's CPU kernels may round the same
/// input differently from call to call (the GRU over 3 bars here: about half of repeated single-row passes differ in
/// the last bits, even on one thread), so two runs of a neural policy agree to float precision, and an action may flip
/// only where the choice is a near-tie: <see cref="IsNearTie"/> checks that from the networks' inputs at the decision.
/// </summary>
public sealed class PolicyContractCase(string name, IPolicy policy, IReadOnlyList<NeuralPolicy> networks, ChoiceKind kind) : IDisposable
{
    /// <summary>How close (in probability) a choice must be to its boundary to count as a near-tie.</summary>
    public const double TieTolerance = 1e-4;

    public string Name => name;
    public IPolicy Policy => policy;
    public IReadOnlyList<NeuralPolicy> Networks => networks;
    public ChoiceKind Kind => kind;

    /// <summary>True when the policy samples its actions (its seed matters); false when it is deterministic.</summary>
    public bool Stochastic => kind == ChoiceKind.Sampled || name.StartsWith("random", StringComparison.Ordinal);

    /// <summary>Whether the choice at the session's decision number <paramref name="decision"/> (0-based; session seed
    /// <paramref name="seed"/>) lies within <see cref="TieTolerance"/> of a boundary, from each network's raw input
    /// row there (<paramref name="inputs"/>, in <see cref="Networks"/> order).</summary>
    public bool IsNearTie(IReadOnlyList<float[]> inputs, int seed, int decision)
    {
        var p = networks.Select((n, i) => n.LogProbabilities(inputs[i], 1).Select(l => Math.Exp(l)).ToArray()).ToList();
        switch (kind)
        {
            case ChoiceKind.Greedy: return TopGap(p[0]) <= TieTolerance;
            case ChoiceKind.Vote: return p.Any(d => TopGap(d) <= TieTolerance);
            case ChoiceKind.MeanProbability:
                return TopGap(Enumerable.Range(0, p[0].Length).Select(a => p.Average(d => d[a])).ToArray()) <= TieTolerance;
            case ChoiceKind.Sampled:
                var rng = new Random(seed); // the session draws one uniform per decision
                double u = 0;
                for (int k = 0; k <= decision; k++) u = rng.NextDouble();
                double c = 0, gap = double.PositiveInfinity;
                for (int a = 0; a < p[0].Length - 1; a++) gap = Math.Min(gap, Math.Abs(u - (c += p[0][a])));
                return gap <= TieTolerance;
            default: return false;
        }
    }

    private static double TopGap(double[] p)
    {
        var sorted = p.OrderDescending().ToArray();
        return sorted[0] - sorted[1];
    }

    public void Dispose() => (policy as IDisposable)?.Dispose();

    /// <summary>Two sector peers of <paramref name="series"/> on its calendar (random walks of seeds seed + 1 and seed + 2),
    /// so the cross-sectional ranks of its observations vary.</summary>
    public static PriceSeries[] Peers(PriceSeries series, int seed) =>
        [RandomSeries.Walk(seed + 1, series.Count, symbol: "P1"), RandomSeries.Walk(seed + 2, series.Count, symbol: "P2")];

    public override string ToString() => name;
}
