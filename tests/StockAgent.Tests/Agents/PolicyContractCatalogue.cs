using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Tests.Support;
using TorchSharp;

namespace StockAgent.Tests.Agents;

/// <summary>
/// Every kind of <see cref="IPolicy"/> the kit has, by name, for <see cref="PolicyContractTests"/>: each baseline of
/// <see cref="PolicyFactory"/> long-only and long-short (with short windows, so they trade within a few hundred bars),
/// the neural policy (MLP and GRU, greedy and sampled, reading every observation column including the cross-sectional
/// ranks; a GRU of the base columns only, which selects them from the full observation; five actions; volatility-targeted sizing) and the ensembles (majority vote over neural and baseline members,
/// mean probability over neural ones). <see cref="Create"/> builds a fresh instance each time; neural weights come
/// from fixed libtorch seeds, so two instances of one name are the same policy.
/// </summary>
public static class PolicyContractCatalogue
{
    private static readonly BaselineParameters Short = new() { Fast = 5, Slow = 20, Lookback = 10, Hold = 3, RsiPeriod = 5, RsiEnter = 35, RsiExit = 55 };

    private static readonly Dictionary<string, Func<PolicyContractCase>> Cases = Build();

    /// <summary>The names, for xunit's MemberData.</summary>
    public static TheoryData<string> Names => new(Cases.Keys);

    public static PolicyContractCase Create(string name) => Cases[name]();

    private static Dictionary<string, Func<PolicyContractCase>> Build()
    {
        var cases = new Dictionary<string, Func<PolicyContractCase>>();
        void Add(string name, Func<(IPolicy, IReadOnlyList<NeuralPolicy>)> create, ChoiceKind kind) => cases[name] = () =>
        {
            var (policy, networks) = create();
            return new PolicyContractCase(name, policy, networks, kind);
        };
        foreach (var name in PolicyFactory.BaselineNames)
        {
            Add(name, () => (PolicyFactory.Create(name, Short), []), ChoiceKind.Rules);
            Add(name + "/long-short", () => (PolicyFactory.Create(name, Short with { Actions = ActionSpace.LongShort }), []), ChoiceKind.Rules);
        }
        foreach (var (architecture, length) in new[] { (PolicyNetworkSpec.Mlp, 1), (PolicyNetworkSpec.Gru, 3) })
            foreach (var greedy in new[] { true, false })
                Add($"neural-{architecture}/{(greedy ? "greedy" : "sampled")}", () =>
                {
                    var n = Neural(architecture, length, greedy, torchSeed: 1);
                    return (n, [n]);
                }, greedy ? ChoiceKind.Greedy : ChoiceKind.Sampled);
        Add("neural-mlp/5-actions", () =>
        {
            var n = Neural(PolicyNetworkSpec.Mlp, 1, greedy: true, torchSeed: 6, exposures: [0, 0.25, 0.5, 0.75, 1]);
            return (n, [n]);
        }, ChoiceKind.Greedy);
        Add("neural-mlp/vol-target", () =>
        {
            var n = Neural(PolicyNetworkSpec.Mlp, 1, greedy: false, torchSeed: 1, sizing: new VolatilityTarget(0.15, 10, 1.5));
            return (n, [n]);
        }, ChoiceKind.Sampled);
        Add("neural-gru/5-actions-vol-target", () =>
        {
            var n = Neural(PolicyNetworkSpec.Gru, 3, greedy: true, torchSeed: 7, exposures: [-1, -0.5, 0, 0.5, 1], sizing: new VolatilityTarget(0.2, 15, 2));
            return (n, [n]);
        }, ChoiceKind.Greedy);
        Add("sma-crossover/vol-target", () => (new VolatilityTargetedPolicy(PolicyFactory.Create("sma-crossover", Short), new VolatilityTarget(0.15, 10, 1.5)), []), ChoiceKind.Rules);
        // A model of the base columns only (the default features), fed the full observation: it selects its columns.
        Add("neural-gru-base/sampled", () =>
        {
            var n = Neural(PolicyNetworkSpec.Gru, 3, greedy: false, torchSeed: 6, columns: MarketObservations.BaseNames);
            return (n, [n]);
        }, ChoiceKind.Sampled);
        Add("ensemble/vote", () =>
        {
            NeuralPolicy[] members = [Neural(PolicyNetworkSpec.Mlp, 1, true, 2), Neural(PolicyNetworkSpec.Gru, 4, true, 3)];
            return (new EnsemblePolicy([.. members, PolicyFactory.Create("sma-crossover", Short)]), members);
        }, ChoiceKind.Vote);
        Add("ensemble/mean", () =>
        {
            NeuralPolicy[] members = [Neural(PolicyNetworkSpec.Mlp, 1, true, 4), Neural(PolicyNetworkSpec.Gru, 3, true, 5)];
            return (new EnsemblePolicy(members, EnsembleMode.MeanProbability), members);
        }, ChoiceKind.MeanProbability);
        return cases;
    }

    /// <summary>An untrained network (fixed libtorch seed, base weights scaled up) whose normaliser is fitted on a random
    /// policy's observations, so its inputs are standardised and its choices vary from bar to bar.</summary>
    private static NeuralPolicy Neural(string architecture, int length, bool greedy, int torchSeed, IReadOnlyList<string>? columns = null, double[]? exposures = null, VolatilityTarget? sizing = null)
    {
        exposures ??= [0, 0.5, 1];
        var names = ObservationColumns.Of(columns ?? MarketObservations.Names);
        int inputs = names.Count;
        torch.manual_seed(torchSeed);
        var spec = new PolicyNetworkSpec { Inputs = inputs, Architecture = architecture, SequenceLength = length, Hidden = [16, 8], Actions = exposures.Length, LoraRank = 2 };
        var network = new PolicyNetwork(spec);
        using (torch.no_grad())
            foreach (var p in network.BaseParameters()) p.mul_(4); // sharper than at initialisation: the choices vary
        network.eval();
        return new NeuralPolicy(network, new NeuralPolicyMetadata(spec, exposures, [.. names.Names],
            FeatureNormalizer.Fit(names.Select(Observed.Value), inputs), $"contract-{torchSeed}", "test", DateTimeOffset.UnixEpoch, sizing), greedy);
    }

    /// <summary>A random policy's full observations of a random walk with two sector peers (so the ranks vary).</summary>
    private static readonly Lazy<float[]> Observed = new(() =>
    {
        var series = RandomSeries.Walk(7, 500);
        var r = Backtester.Run(new RandomPolicy(), series, new BacktestOptions { RecordObservations = true }, 60, seed: 7,
            observations: MarketObservations.ForSeries(series, null, PolicyContractCase.Peers(series, 7)));
        return r.Observations![..^r.ObservationSize]; // the last bar takes no decision
    });
}
