using System.Text.Json.Nodes;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Tests.Backtest;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Agents;

/// <summary>A neural policy's volatility-targeted sizing: the same in the one-session and batched paths, leaving the
/// categorical choice (action, log-probability) alone, filled by the backtester off the action grid, and kept by a
/// saved model (an older model.json without it loads as unsized).</summary>
[Collection(TorchCollection.Name)]
public class NeuralSizingTests
{
    private static readonly VolatilityTarget Sizing = new(0.12, 20, 1.5);

    private static MarketData Market => BatchedBacktestTests.Market.Value;

    private static NeuralPolicy Policy(VolatilityTarget? sizing) =>
        BatchedBacktestTests.Policy(PolicyNetworkSpec.Mlp, 1, greedy: false, [0, 0.25, 0.5, 0.75, 1], sizing);

    [Fact]
    public void SizedDecision_KeepsTheChoice_ScalesOnlyTheExposure()
    {
        using var sized = Policy(Sizing);
        using var plain = Policy(null);
        var market = Market;
        var series = market[market.Symbols.First()];
        var source = MarketObservations.Of(market).For(series.Symbol);
        var (a, b) = (sized.Begin(series, 3), plain.Begin(series, 3));
        var row = new float[source.Size];
        int scaled = 0;
        for (int t = 5; t < 300; t++)
        {
            source.Observe(t, PositionState.Flat, row);
            var context = new DecisionContext(t, PositionState.Flat, row, source);
            var (x, y) = (a.Decide(context), b.Decide(context));
            Assert.Equal(y.Action, x.Action);
            Assert.Equal(y.LogProb, x.LogProb, 6);
            Assert.Equal(Sizing.Size(y.TargetExposure, series.Close, t), x.TargetExposure);
            if (t < Sizing.Lookback) Assert.Equal(y.TargetExposure, x.TargetExposure); // warm-up: scale 1
            if (x.TargetExposure != y.TargetExposure) scaled++;
        }
        Assert.True(scaled > 100, $"the sizing changed only {scaled} of 295 exposures");
    }

    [Fact]
    public void Lockstep_EqualsOneSessionAtATime_AndFillsOffGridExposures()
    {
        using var policy = Policy(Sizing);
        var market = Market;
        var observations = MarketObservations.Of(market);
        var runs = market.Symbols.ToArray().Select((s, k) => new BacktestRun(market[s], 100 + 7 * k, 300 + 11 * k, 40 + k, observations.For(s))).ToArray();
        var batched = Backtester.RunMany(policy, runs); // DecideSessions
        var single = Backtester.RunMany(new PerDecisionPolicy(policy), runs, maxParallelism: 1); // Session.Decide
        for (int i = 0; i < runs.Length; i++)
        {
            Assert.Equal(single[i].Actions, batched[i].Actions);
            Assert.Equal(single[i].TargetExposure, batched[i].TargetExposure);
            Assert.Equal(single[i].Equity, batched[i].Equity);
        }
        var targets = batched.SelectMany(r => r.TargetExposure[..^1]).ToArray();
        Assert.Contains(targets, e => !policy.Actions.Exposures.Contains(e));
        // The backtester holds what was asked: the exposure at a bar after a fill is near the target set the bar before.
        var r0 = batched[0];
        for (int i = 1; i < r0.Days - 1; i++)
            if (r0.TargetExposure[i - 1] > 0.2) Assert.InRange(r0.Exposure[i], r0.TargetExposure[i - 1] - 0.1, r0.TargetExposure[i - 1] + 0.1);
    }

    [Fact]
    public void SaveLoad_KeepsTheSizing_AndAnOlderModelLoadsUnsized()
    {
        using var dir = new TempFolder();
        using (var policy = Policy(Sizing)) policy.Save(dir.Path);
        using (var loaded = NeuralPolicy.Load(dir.Path)) Assert.Equal(Sizing, loaded.Metadata.Sizing);

        var path = Path.Combine(dir.Path, NeuralPolicy.MetadataFile);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.True(json.Remove("Sizing"));
        File.WriteAllText(path, json.ToJsonString());
        using var old = NeuralPolicy.Load(dir.Path);
        Assert.Null(old.Metadata.Sizing);
    }
}
