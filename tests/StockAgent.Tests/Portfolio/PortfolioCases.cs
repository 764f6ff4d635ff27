using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Tests.Support;
using TorchSharp;

namespace StockAgent.Tests.Portfolio;

/// <summary>
/// Portfolio policies and universes for the portfolio tests: random-walk universes (one symbol missing some days, so the
/// calendar is a union), a seeded random-weights policy (exact arithmetic), and <see cref="PortfolioPolicy"/> over an
/// untrained network (fixed libtorch seed, sharpened weights so that its scores vary), greedy or sampled, in each
/// weighting scheme.
/// </summary>
public static class PortfolioCases
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "random-weights", "neural/top-k/greedy", "neural/top-k/sampled", "neural/softmax/sampled", "neural/top-k/long-short/sampled",
        "neural/softmax/long-short/greedy",
    ];

    /// <summary>A universe of <paramref name="symbols"/> random walks of <paramref name="bars"/> bars; the second
    /// symbol lacks every seventh bar.</summary>
    public static PriceSeries[] Universe(int seed, int bars, int symbols = 6) =>
        Enumerable.Range(0, symbols).Select(k =>
        {
            var s = RandomSeries.Walk(SeedMixer.Mix(seed, k), bars, symbol: $"S{k}");
            return k == 1 ? RandomSeries.Keep(s, i => i % 7 != 3) : s;
        }).ToArray();

    public static IObservationSource[] Observations(IReadOnlyList<PriceSeries> universe) =>
        universe.Select(s => MarketObservations.ForSeries(s)).ToArray();

    public static IPortfolioPolicy Create(string name) => name switch
    {
        "random-weights" => new RandomWeightsPolicy(),
        "neural/top-k/greedy" => Neural(new PortfolioWeighting { TopK = 2 }, greedy: true),
        "neural/top-k/sampled" => Neural(new PortfolioWeighting { TopK = 2 }, greedy: false),
        "neural/softmax/sampled" => Neural(new PortfolioWeighting { Scheme = PortfolioWeighting.SoftmaxScheme, Temperature = 0.2 }, greedy: false),
        "neural/top-k/long-short/sampled" => Neural(new PortfolioWeighting { TopK = 2, LongShort = true }, greedy: false),
        "neural/softmax/long-short/greedy" => Neural(new PortfolioWeighting { Scheme = PortfolioWeighting.SoftmaxScheme, LongShort = true }, greedy: true),
        _ => throw new ArgumentException($"no portfolio case '{name}'.", nameof(name)),
    };

    public static bool Stochastic(string name) => name.Contains("sampled", StringComparison.Ordinal) || name == "random-weights";

    public static void Dispose(IPortfolioPolicy policy)
    {
        if (policy is PortfolioPolicy p) p.Network.Dispose();
    }

    public static PortfolioOptions Options(IPortfolioPolicy policy, bool closeAtEnd = true) => new()
    {
        Backtest = new BacktestOptions { Costs = CostModel.FromBps(5, 3), AllowShort = policy.AllowsShort, CloseAtEnd = closeAtEnd, RecordObservations = true },
    };

    private static PortfolioPolicy Neural(PortfolioWeighting weighting, bool greedy)
    {
        int inputs = MarketObservations.Names.Count;
        torch.manual_seed(11);
        var spec = new PolicyNetworkSpec { Inputs = inputs, Hidden = [16, 8], Actions = 3, LoraRank = 2 };
        var network = new PolicyNetwork(spec);
        using (torch.no_grad())
            foreach (var p in network.BaseParameters()) p.mul_(4);
        network.eval();
        var neural = new NeuralPolicy(network, new NeuralPolicyMetadata(spec, [0, 0.5, 1], [.. MarketObservations.Names], Normalizer.Value,
            "portfolio-contract", "test", DateTimeOffset.UnixEpoch, Portfolio: weighting), greedy);
        return PortfolioPolicy.Of(neural)!;
    }

    private static readonly Lazy<FeatureNormalizer> Normalizer = new(() =>
    {
        var series = RandomSeries.Walk(7, 500);
        var r = Backtester.Run(new RandomPolicy(), series, new BacktestOptions { RecordObservations = true }, 60, seed: 7,
            observations: MarketObservations.ForSeries(series));
        return FeatureNormalizer.Fit(r.Observations![..^r.ObservationSize], r.ObservationSize);
    });

    /// <summary>Each day, a seeded uniform score per deciding symbol, top-2 of those drawn above 0.3 (reads no bar).</summary>
    private sealed class RandomWeightsPolicy : IPortfolioPolicy
    {
        private static readonly PortfolioWeighting Weighting = new() { TopK = 2 };

        public string Id => "random-weights";
        public string Version => "1";
        public ActionSpace Actions => ActionSpace.LongOnly;
        public bool AllowsShort => false;

        public double FullWeight(int symbols) => Weighting.FullWeight(symbols);

        public IPortfolioSession Begin(IReadOnlyList<PriceSeries> universe, int seed) => new Session(new Random(seed));

        private sealed class Session(Random rng) : IPortfolioSession
        {
            public void Decide(ReadOnlySpan<PortfolioStep> steps, ReadOnlySpan<float> observations, Span<double> weights, Span<PolicyDecision> decisions)
            {
                var scores = new double[steps.Length];
                var eligible = new bool[steps.Length];
                for (int r = 0; r < steps.Length; r++)
                {
                    scores[r] = rng.NextDouble();
                    eligible[r] = scores[r] > 0.3;
                    decisions[r] = new PolicyDecision(eligible[r] ? 2 : 0, eligible[r] ? 1 : 0, 1, 0);
                }
                Weighting.Weights(scores, eligible, weights);
            }
        }
    }
}
