using FsCheck;
using FsCheck.Fluent;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Statistics;
using StockAgent.Tests.Support;
using TorchSharp;

namespace StockAgent.Tests.Agents;

/// <summary>
/// The checks every <see cref="IPolicy"/> passes, one theory per check over <see cref="PolicyContractCatalogue"/> (as
/// LEAN's CommonIndicatorTests give every indicator the same checks): no look-ahead (changing the bars after t changes no
/// decision, fill or mark at or before t), determinism (the same seed gives the same decisions; only a sampling policy
/// depends on it), valid decisions (an action of its space, its exposure, a confidence in [0, 1], the log-probability of
/// the action or 0), and sessions that share nothing (episodes decided interleaved equal episodes decided apart).
/// Policies act through <see cref="Backtester.Run"/> with the features of <see cref="MarketObservations.ForSeries"/>,
/// in episodes that start after the series' first bar, so a sequence model's window reaches before its episode. Runs
/// compare exactly, except what libtorch computes (see <see cref="PolicyContractCase"/>): the networks' inputs compare
/// exactly, their outputs to float precision.
/// </summary>
/// <remarks>libtorch runs on one intra-op thread here (restored after each test): single-row forward passes are several
/// times faster so on this 2-core machine, and the comparisons hold on any thread count.</remarks>
[Collection(TorchCollection.Name)] // the neural cases seed libtorch's global generator and set its thread count
public sealed class PolicyContractTests : IDisposable
{
    private readonly int _threads = torch.get_num_threads();

    public PolicyContractTests() => torch.set_num_threads(1);

    public void Dispose() => torch.set_num_threads(_threads);

    public static TheoryData<string> Policies => PolicyContractCatalogue.Names;

    private static readonly BacktestOptions Costly = new() { Costs = CostModel.FromBps(5, 3), StopLoss = 0.05 };

    /// <summary>One session's decisions in order: the bar, what the policy returned, and each network's input row.</summary>
    private sealed record Trace(List<(int Bar, PolicyDecision Decision)> Decisions, List<float[][]> Inputs);

    /// <summary>Records the decisions of the sessions a policy begins, with the input rows its networks were fed
    /// (one forward pass per network per decision).</summary>
    private sealed class Recorder(PolicyContractCase c) : IPolicy
    {
        private readonly List<float[]>[] _seen = c.Networks.Select(_ => new List<float[]>()).ToArray();

        public string Id => c.Policy.Id;
        public string Version => c.Policy.Version;
        public ActionSpace Actions => c.Policy.Actions;

        public IPolicySession Begin(PriceSeries series, int seed) => Last = new Session(this, c.Policy.Begin(series, seed));

        /// <summary>The session begun last.</summary>
        public IPolicySession? Last { get; private set; }

        /// <summary>Runs <paramref name="act"/> with the networks' inputs captured.</summary>
        public void Capture(Action act)
        {
            for (int i = 0; i < c.Networks.Count; i++)
            {
                var seen = _seen[i];
                c.Networks[i].InputsSeen = rows => seen.Add(rows);
            }
            try { act(); }
            finally { foreach (var n in c.Networks) n.InputsSeen = null; }
        }

        private sealed class Session(Recorder recorder, IPolicySession inner) : IPolicySession
        {
            public Trace Trace { get; } = new([], []);

            public PolicyDecision Decide(in DecisionContext context)
            {
                var counts = recorder._seen.Select(s => s.Count).ToArray();
                var d = inner.Decide(context);
                for (int i = 0; i < counts.Length; i++)
                    Assert.True(recorder._seen[i].Count == counts[i] + 1, $"network {i} was run {recorder._seen[i].Count - counts[i]} times for one decision");
                Trace.Decisions.Add((context.Bar, d));
                Trace.Inputs.Add(recorder._seen.Select(s => s[^1]).ToArray());
                return d;
            }
        }

        public static Trace TraceOf(IPolicySession session) => ((Session)session).Trace;
    }

    /// <summary>Runs the case on <paramref name="series"/> with <paramref name="peers"/> (none: the series alone) in its sector.</summary>
    private static (BacktestResult Result, Trace Trace) Act(PolicyContractCase c, PriceSeries series, int start, int seed, PriceSeries[]? peers = null)
    {
        var recorder = new Recorder(c);
        BacktestResult? result = null;
        recorder.Capture(() => result = Backtester.Run(recorder, series, Costly with { AllowShort = c.Policy.Actions.AllowsShort }, start, null, seed,
            MarketObservations.ForSeries(series, null, peers ?? [])));
        return (result!, Recorder.TraceOf(recorder.Last!));
    }

    /// <summary>Compares two sessions' decisions in order, up to bar <paramref name="upToBar"/>: equal, or for a
    /// network-backed policy the same networks' inputs and actions with confidences and log-probabilities within 1e-5
    /// (libtorch's rounding), up to a decision whose actions differ at a verified near-tie (after it the runs part).
    /// Returns the bar of that decision (null when none) and what differs (null when they agree).</summary>
    private static (int? FlipBar, string? Failure) Compare(PolicyContractCase c, Trace a, Trace b, int seed, int upToBar = int.MaxValue)
    {
        var (da, db) = (a.Decisions.TakeWhile(d => d.Bar <= upToBar).ToList(), b.Decisions.TakeWhile(d => d.Bar <= upToBar).ToList());
        if (da.Count != db.Count) return (null, $"{c}: {da.Count} decisions against {db.Count}");
        for (int k = 0; k < da.Count; k++)
        {
            var ((bar, x), (barB, y)) = (da[k], db[k]);
            if (bar != barB) return (null, $"{c}: decision {k} at bar {bar} against bar {barB}");
            for (int i = 0; i < c.Networks.Count; i++)
                if (!a.Inputs[k][i].AsSpan().SequenceEqual(b.Inputs[k][i]))
                    return (null, $"{c}: network {i} was fed other inputs at bar {bar}");
            if (x == y) continue;
            if (c.Networks.Count > 0 && x.Action == y.Action && x.TargetExposure == y.TargetExposure
                && Math.Abs(x.Confidence - y.Confidence) <= 1e-5 && Math.Abs(x.LogProb - y.LogProb) <= 1e-5 * Math.Max(1, Math.Abs(x.LogProb)))
                continue;
            if (c.Networks.Count > 0 && x.Action != y.Action && c.IsNearTie(a.Inputs[k], seed, k)) return (bar, null);
            return (null, $"{c}: at bar {bar} {x} against {y}");
        }
        return (null, null);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void NoLookAhead_ChangingBarsAfterT_ChangesNothingUpToT(string name)
    {
        using var c = PolicyContractCatalogue.Create(name);
        Prop.ForAll(RandomSeries.SeedBarsAndCut(30, 250), cut =>
        {
            int start = cut.Seed % (cut.T + 1); // decisions from bar start on; t lies in the episode
            var original = RandomSeries.Walk(cut.Seed, cut.Bars);
            var peers = PolicyContractCase.Peers(original, cut.Seed); // ranked with the series: their bars after t change too
            var (a, ta) = Act(c, original, start, cut.Seed, peers);
            var (b, tb) = Act(c, RandomSeries.PerturbAfter(original, cut.T, cut.Seed), start, cut.Seed,
                [.. peers.Select(p => RandomSeries.PerturbAfter(p, cut.T, cut.Seed + 1))]);
            var (flip, failure) = Compare(c, ta, tb, cut.Seed, cut.T);
            if (failure is not null) return false.Label($"t = {cut.T}, start {start}: {failure}");
            for (int i = 0; i <= Math.Min(cut.T, flip ?? cut.T) - start; i++)
                if (a.Equity[i] != b.Equity[i] || a.Shares[i] != b.Shares[i] || a.Cash[i] != b.Cash[i] || a.Actions[i] != b.Actions[i]
                    || a.TargetExposure[i] != b.TargetExposure[i])
                    return false.Label($"{name}: the backtest differs at bar {start + i} <= t = {cut.T}");
            return (ta.Decisions.Count(d => d.Bar <= cut.T) == cut.T - start + 1).Label($"{name}: a decision at every bar up to t");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(c.Networks.Count == 0 ? 60 : 30)); // the networks' passes cost time
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Determinism_SameSeed_SameDecisions_OnlySamplingUsesTheSeed(string name)
    {
        var series = RandomSeries.Walk(11, 300);
        using var c = PolicyContractCatalogue.Create(name);
        using var again = PolicyContractCatalogue.Create(name); // another instance: the same weights and rules

        var first = Act(c, series, 40, 5).Trace;
        Assert.Null(Compare(c, first, Act(c, series, 40, 5).Trace, 5).Failure);
        Assert.Null(Compare(c, first, Act(again, series, 40, 5).Trace, 5).Failure);
        var otherSeed = Act(c, series, 40, 6).Trace;
        if (c.Stochastic) Assert.NotEqual(first.Decisions.Select(d => d.Decision.Action), otherSeed.Decisions.Select(d => d.Decision.Action));
        else Assert.Null(Compare(c, first, otherSeed, 5).Failure);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Decisions_AreValidActionsOfTheSpace(string name)
    {
        using var c = PolicyContractCatalogue.Create(name);
        var actions = c.Policy.Actions;
        var sizing = (c.Policy as NeuralPolicy)?.Metadata.Sizing ?? (c.Policy as VolatilityTargetedPolicy)?.Sizing;
        var decisions = Enumerable.Range(0, 4).SelectMany(k =>
        {
            var series = RandomSeries.Walk(20 + k, 250, 0.03);
            return Act(c, series, 30 * k, k).Trace.Decisions.Select(d => (d.Bar, d.Decision, series));
        }).ToList();
        foreach (var (bar, d, series) in decisions)
        {
            Assert.InRange(d.Action, 0, actions.Count - 1);
            // A sized policy's exposure is its chosen action's, scaled at the bar from the closes up to it.
            Assert.Equal(sizing is null ? actions.Exposures[d.Action] : sizing.Size(actions.Exposures[d.Action], series.Close, bar), d.TargetExposure);
            Assert.InRange(d.Confidence, 0, 1);
            Assert.True(d.LogProb <= 0 && double.IsFinite(d.LogProb), $"{name} at bar {bar}: log-probability {d.LogProb}");
            // The log-probability of the action under the policy's distribution, or 0 for a policy that has none;
            // a sampling policy must give it (off-policy RL needs its importance ratio).
            if (c.Stochastic || d.LogProb != 0) Assert.Equal(Math.Log(d.Confidence), d.LogProb, 1e-9);
        }
        if (!name.StartsWith("buy-and-hold", StringComparison.Ordinal)) // the checks above see real choices
            Assert.True(decisions.Select(d => d.Decision.Action).Distinct().Count() > 1, $"{name} took one action throughout");
        if (sizing is not null) // the sizing acts: some exposures differ from the chosen action's
            Assert.Contains(decisions, d => d.Decision.TargetExposure != actions.Exposures[d.Decision.Action]);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void Sessions_ShareNoState_InterleavedEqualsApart(string name)
    {
        using var c = PolicyContractCatalogue.Create(name);
        var (x, y) = (RandomSeries.Walk(31, 200), RandomSeries.Walk(32, 200));
        var (sx, sy) = (MarketObservations.ForSeries(x), MarketObservations.ForSeries(y));
        var row = new float[sx.Size];
        var recorder = new Recorder(c);

        void Decide(IPolicySession session, IObservationSource source, int bar)
        {
            source.Observe(bar, PositionState.Flat, row);
            session.Decide(new DecisionContext(bar, PositionState.Flat, row, source));
        }

        IPolicySession ax = null!, ay = null!, bx = null!, by = null!;
        recorder.Capture(() =>
        {
            (ax, ay) = (recorder.Begin(x, 1), recorder.Begin(y, 2));
            for (int t = 20; t < 170; t++) Decide(ax, sx, t);
            for (int t = 35; t < 185; t++) Decide(ay, sy, t);
            (bx, by) = (recorder.Begin(x, 1), recorder.Begin(y, 2));
            for (int i = 0; i < 150; i++)
            {
                Decide(bx, sx, 20 + i);
                Decide(by, sy, 35 + i);
            }
        });
        Assert.Null(Compare(c, Recorder.TraceOf(ax), Recorder.TraceOf(bx), 1).Failure);
        Assert.Null(Compare(c, Recorder.TraceOf(ay), Recorder.TraceOf(by), 2).Failure);
    }

    [Fact]
    public void Compare_NetworkOutputsAgreeToFloatPrecisionOnly_InputsExactly()
    {
        using var c = PolicyContractCatalogue.Create("neural-gru/greedy");
        var trace = Act(c, RandomSeries.Walk(11, 200), 40, 5).Trace;
        Trace With(int k, Func<PolicyDecision, PolicyDecision>? decision = null, Func<float[], float[]>? input = null) => new(
            trace.Decisions.Select((d, i) => i == k && decision is not null ? (d.Bar, decision(d.Decision)) : d).ToList(),
            trace.Inputs.Select((x, i) => i == k && input is not null ? [input(x[0])] : x).ToList());

        Assert.Null(Compare(c, trace, With(30, d => d with { Confidence = d.Confidence + 1e-6 }), 5).Failure); // rounding
        Assert.NotNull(Compare(c, trace, With(30, d => d with { Confidence = d.Confidence + 1e-3 }), 5).Failure);
        Assert.NotNull(Compare(c, trace, With(30, d => d with { Action = (d.Action + 1) % 3 }), 5).Failure); // no tie there
        Assert.NotNull(Compare(c, trace, With(30, input: x => [.. x[..^1], x[^1] + 1]), 5).Failure);
        Assert.False(c.IsNearTie(trace.Inputs[30], 5, 30));
    }
}
