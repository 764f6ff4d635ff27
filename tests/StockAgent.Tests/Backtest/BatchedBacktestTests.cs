using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Tests.Support;
using static TorchSharp.torch;

namespace StockAgent.Tests.Backtest;

/// <summary>The batched paths (lockstep runs of <see cref="Backtester.RunMany"/>, one call per day in the portfolio) take
/// exactly the decisions of the one-decision-at-a-time paths, for an MLP and a GRU, sampled and greedy.</summary>
[Collection(TorchCollection.Name)]
public class BatchedBacktestTests
{
    internal static readonly Lazy<MarketData> Market = new(() =>
        SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 4, Sectors = 2, Years = 2, Seed = 5 }));

    /// <summary>A random network with large weights (fixed seed); <paramref name="sizing"/> for a volatility-targeted one.</summary>
    internal static NeuralPolicy Policy(string architecture, int length, bool greedy, double[]? exposures = null, VolatilityTarget? sizing = null)
    {
        exposures ??= [0, 0.5, 1];
        int inputs = MarketObservations.BaseNames.Count; // a model of the base columns (the default), fed full observations
        manual_seed(11);
        var spec = new PolicyNetworkSpec { Inputs = inputs, Architecture = architecture, SequenceLength = length, Hidden = [16, 8], Actions = exposures.Length };
        var normalizer = new FeatureNormalizer(new double[inputs], Enumerable.Repeat(0.3, inputs).ToArray());
        var meta = new NeuralPolicyMetadata(spec, exposures, [.. MarketObservations.BaseNames], normalizer, "t", "sft", DateTimeOffset.UnixEpoch, sizing);
        var network = new PolicyNetwork(spec);
        using (no_grad())
            foreach (var p in network.parameters()) p.normal_(0, 1); // large weights: the greedy action changes with the features
        return new NeuralPolicy(network, meta, greedy);
    }

    public static TheoryData<string, int, bool> Networks => new() { { "mlp", 1, false }, { "mlp", 1, true }, { "gru", 5, false } };

    [Theory]
    [MemberData(nameof(Networks))]
    public void RunMany_Lockstep_EqualsOneRunAtATime(string architecture, int length, bool greedy)
    {
        using var policy = Policy(architecture, length, greedy);
        var market = Market.Value;
        var observations = MarketObservations.Of(market);
        var runs = market.Symbols.ToArray().Select((s, k) => new BacktestRun(market[s], 100 + 7 * k, 300 + 11 * k, 40 + k, observations.For(s))).ToArray();

        var batched = Backtester.RunMany(policy, runs);
        var single = Backtester.RunMany(new PerDecisionPolicy(policy), runs, maxParallelism: 1);

        for (int i = 0; i < runs.Length; i++)
        {
            var one = Backtester.Run(policy, runs[i].Series, null, runs[i].Start, runs[i].End, runs[i].Seed, runs[i].Observations);
            Assert.Equal(one.Actions, batched[i].Actions);
            Assert.Equal(one.Actions, single[i].Actions);
            Assert.Equal(one.Equity, batched[i].Equity);
        }
        Assert.Contains(batched, r => r.Actions.Distinct().Count() > 2); // the network does decide, not one constant action
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void Portfolio_BatchedDecisions_EqualOneAtATime(string architecture, int length, bool greedy)
    {
        using var policy = Policy(architecture, length, greedy);
        var market = Market.Value;
        var series = market.Symbols.Select(s => market[s]).ToList();
        var sources = market.Symbols.Select(s => MarketObservations.Of(market).For(s)).ToList();
        var options = new PortfolioOptions { From = series[0].Dates[120], To = series[0].Dates[400] };

        var batched = PortfolioBacktester.Run(policy, series, options, 3, sources);
        var single = PortfolioBacktester.Run(new PerDecisionPolicy(policy), series, options, 3, sources);

        Assert.Equal(single.Equity, batched.Equity);
        Assert.Equal(single.Trades.Count, batched.Trades.Count);
        Assert.True(batched.Trades.Count > 4, $"{batched.Trades.Count} trades");
    }

    [Fact]
    public void Portfolio_OfOneSymbol_TakesTheSingleRunsDecisions()
    {
        // All-in or flat (a half position would be re-sized by the single run, held by the portfolio's tolerance).
        using var policy = Policy("mlp", 1, greedy: true, exposures: [0, 1, 1]);
        var market = Market.Value;
        var s = market[market.Symbols.First()];
        var source = MarketObservations.Of(market).For(s.Symbol);
        int start = 150, end = 420;
        var options = new PortfolioOptions { From = s.Dates[start], To = s.Dates[end], RebalanceTolerance = 10 };

        var single = Backtester.Run(policy, s, options.Backtest, start, end, 0, source);
        var portfolio = PortfolioBacktester.Run(policy, [s], options, 0, [source]);

        Assert.Equal(single.Trades.Select(t => (t.EntryDate, t.ExitDate)), portfolio.Trades.Select(t => (t.EntryDate, t.ExitDate)));
        Assert.True(single.Trades.Count > 2, $"{single.Trades.Count} trades");
    }

    private sealed class RecordingSource(IObservationSource inner) : IObservationSource
    {
        public List<double> Exposures { get; } = [];
        public int Size => inner.Size;
        public void Observe(int t, in PositionState position, Span<float> destination)
        {
            Exposures.Add(position.Exposure);
            inner.Observe(t, position, destination);
        }
    }

    [Fact]
    public void Portfolio_PositionStateIsTheSleeves_ExposureNearOneWhenFullyInvested()
    {
        var market = Market.Value;
        var series = market.Symbols.Select(s => market[s]).ToList();
        var sources = series.Select(s => new RecordingSource(MarketObservations.Of(market).For(s.Symbol))).ToList();

        PortfolioBacktester.Run(new BuyAndHoldPolicy(), series, new PortfolioOptions { From = series[0].Dates[50], To = series[0].Dates[150] }, 0, sources);

        var invested = sources.SelectMany(r => r.Exposures.Skip(5)).ToList(); // after the first fills
        Assert.NotEmpty(invested);
        Assert.All(invested, e => Assert.InRange(e, 0.8, 1.2)); // 1/N of equity per sleeve, not 1/N of the whole (0.25)
    }

    [Fact]
    public void Portfolio_ObservationsMustMatchTheSymbols()
    {
        var market = Market.Value;
        var series = market.Symbols.Select(s => market[s]).ToList();
        var e = Assert.Throws<ArgumentException>(() =>
            PortfolioBacktester.Run(new BuyAndHoldPolicy(), series, null, 0, [MarketObservations.Of(market).For(series[0].Symbol)]));
        Assert.Contains("1 observation sources for 4 symbols", e.Message);
    }
}
