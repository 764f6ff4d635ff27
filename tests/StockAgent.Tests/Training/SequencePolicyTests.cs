using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Backtest;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Training;
using TorchSharp;
using static TorchSharp.torch;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

/// <summary>The GRU option: windows of past observations, built one way (<see cref="ObservationWindows"/>) when acting
/// and in every training path, so training inputs and acting inputs are the same for the same bar.</summary>
[Collection(TorchCollection.Name)]
public class SequencePolicyTests
{
    /// <summary>Observation [bar, exposure] of each bar; records the latest bar it was asked for.</summary>
    private sealed class BarSource : IObservationSource
    {
        public int Size => 2;
        public int Latest { get; private set; } = int.MinValue;

        public void Observe(int t, in PositionState position, Span<float> destination)
        {
            Latest = Math.Max(Latest, t);
            destination[0] = t;
            destination[1] = (float)position.Exposure;
        }
    }

    [Fact]
    public void Episode_BarsBeforeTheStartAreTheRealEarlierBarsFlat()
    {
        float[] rows = [5, 1, 6, 1, 7, 0.5f]; // the episode's own bars 5, 6, 7, in a trade
        var windows = new float[3 * 3 * 2];
        var source = new BarSource();
        ObservationWindows.Episode(source, 2, 5, rows, 3, windows);
        Assert.Equal([3f, 0, 4, 0, 5, 1, /**/ 4, 0, 5, 1, 6, 1, /**/ 5, 1, 6, 1, 7, 0.5f], windows);
        Assert.Equal(4, source.Latest); // only bars before the episode are read from the source
    }

    [Fact]
    public void Episode_BeforeTheSeriesStart_RepeatsBarZeroFlat()
    {
        var windows = new float[4 * 2];
        ObservationWindows.Episode(new BarSource(), 2, 1, [1, 1], 4, windows);
        Assert.Equal([0f, 0, 0, 0, 0, 0, 1, 1], windows);
    }

    [Fact]
    public void Windows_BadArguments_AreClearErrors()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => ObservationWindows.Episode(null, 2, 5, [1, 2], 3, new float[6]));
        Assert.Contains("observation source", ex.Message);
        Assert.Throws<ArgumentException>(() => ObservationWindows.Fill(new BarSource(), 2, 5, new float[8], 3, new float[6]));
        Assert.Throws<ArgumentException>(() => ObservationWindows.Episode(new BarSource(), 2, 5, [1, 2, 3, 4], 3, new float[6]));
        ObservationWindows.Episode(null, 2, 5, [1, 2, 3, 4], 1, new float[4]); // the MLP's windows need no source
    }

    [Property(MaxTest = 50)]
    public Property Episode_WindowAtT_ReadsNoLaterRowOrBar() =>
        Prop.ForAll(Gen.Choose(1, 30).Three().ToArbitrary(), p =>
        {
            var (steps, length, t) = (p.Item1, 1 + p.Item2 % 6, p.Item3 % p.Item1);
            int start = p.Item2 % 9;
            var rows = Enumerable.Range(0, steps * 2).Select(i => (float)i).ToArray();
            var changed = rows.ToArray();
            for (int i = (t + 1) * 2; i < changed.Length; i++) changed[i] = -1;
            var a = new float[steps * 2 * length];
            var b = new float[steps * 2 * length];
            var source = new BarSource();
            ObservationWindows.Episode(source, 2, start, rows, length, a);
            ObservationWindows.Episode(source, 2, start, changed, length, b);
            return (a.AsSpan(0, (t + 1) * 2 * length).SequenceEqual(b.AsSpan(0, (t + 1) * 2 * length)) && source.Latest <= Math.Max(0, start - 1))
                .Label($"steps {steps}, length {length}, t {t}, start {start}, latest bar read {source.Latest}");
        });

    private static NeuralPolicy Policy(string architecture, int length, double[]? exposures = null)
    {
        int inputs = MarketObservations.Names.Count;
        torch.manual_seed(4);
        var spec = new PolicyNetworkSpec { Inputs = inputs, Architecture = architecture, SequenceLength = length, Hidden = [16, 8], Actions = 3, ValueHead = true, LoraRank = 2 };
        var network = new PolicyNetwork(spec);
        using (torch.no_grad())
            foreach (var p in network.AdapterParameters()) p.normal_(0, 0.3); // non-zero adapters: on and off differ
        var normalizer = new FeatureNormalizer(new double[inputs], Enumerable.Repeat(0.5, inputs).ToArray());
        return new NeuralPolicy(network, new NeuralPolicyMetadata(spec, exposures ?? [0, 0.5, 1], [.. MarketObservations.Names], normalizer, "t", "sft", DateTimeOffset.UnixEpoch));
    }

    private static readonly Lazy<MarketData> Market = new(() =>
        SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 3, Sectors = 1, Years = 2, Seed = 9 }));

    /// <summary>Episodes of 20 steps on each symbol, one starting at bar 2 (its window reaches before the series).</summary>
    private static List<EpisodeSpec> Episodes() =>
        Market.Value.Symbols.Select((s, i) => new EpisodeSpec(s, i == 0 ? 2 : 80 + 10 * i, 20, 1 + i / 2, i)).ToList();

    [Theory]
    [InlineData(PolicyNetworkSpec.Mlp, 1)]
    [InlineData(PolicyNetworkSpec.Gru, 5)]
    public void StoredLogProbs_EqualTheTrainingBatchsRecomputation(string architecture, int length)
    {
        var market = Market.Value;
        using var policy = Policy(architecture, length);
        var rollouts = new ExperienceCollector(market).Collect(policy, Episodes());

        var batch = RolloutBatch.From(rollouts, policy, market);
        using var scope = torch.NewDisposeScope();
        var logp = nn.functional.log_softmax(policy.Network.forward(torch.tensor(batch.Observations, [batch.Steps, batch.Inputs])), 1)
            .gather(1, torch.tensor(batch.Actions).unsqueeze(1)).squeeze(1).data<float>().ToArray();

        var stored = rollouts.SelectMany(t => t.LogProbs).ToArray();
        Assert.Equal(stored.Length, logp.Length);
        for (int i = 0; i < logp.Length; i++) Assert.Equal(stored[i], logp[i], tolerance: 1e-4);
    }

    /// <summary>The raw input rows the policy fed its network, in call order, while <paramref name="act"/> ran.</summary>
    private static float[] ActingInputs(NeuralPolicy policy, Action act)
    {
        var seen = new List<float>();
        policy.InputsSeen = rows => seen.AddRange(rows);
        try { act(); }
        finally { policy.InputsSeen = null; }
        return seen.ToArray();
    }

    private static float[] Normalised(NeuralPolicy policy, float[] raw)
    {
        var z = new float[raw.Length];
        policy.Metadata.Normalizer.Apply(raw, z);
        return z;
    }

    /// <summary>Lockstep rows come bar by bar for all episodes (all of one length); reorders them episode by episode.</summary>
    private static float[] EpisodeMajor(float[] lockstep, int episodes, int steps, int width)
    {
        var result = new float[lockstep.Length];
        for (int s = 0; s < steps; s++)
            for (int e = 0; e < episodes; e++)
                lockstep.AsSpan((s * episodes + e) * width, width).CopyTo(result.AsSpan((e * steps + s) * width));
        return result;
    }

    [Fact]
    public void Gru_TrainingInputs_AreTheActingInputs_InEveryPath()
    {
        var market = Market.Value;
        using var policy = Policy(PolicyNetworkSpec.Gru, 5);
        var episodes = Episodes();
        int width = policy.Network.Spec.RowWidth, steps = episodes[0].Steps;

        // Acting one episode at a time (Backtester.Run per episode), then in lockstep (one batched pass per bar).
        var collector = new ExperienceCollector(market);
        var perEpisode = new List<Trajectory>();
        IReadOnlyList<Trajectory> lockstep = [];
        var perEpisodeInputs = ActingInputs(policy, () =>
        {
            foreach (var episode in episodes) perEpisode.AddRange(collector.Collect(new PerDecisionPolicy(policy), [episode]));
        });
        var lockstepInputs = EpisodeMajor(ActingInputs(policy, () => lockstep = collector.Collect(policy, episodes)),
            episodes.Count, steps, width);
        Assert.Equal(episodes.Count * steps * width, perEpisodeInputs.Length);
        Assert.Contains(lockstep, t => t.Exposures.Any(e => e != 0)); // the windows carry real position changes

        // RL: the rollout batch of each set of rollouts holds exactly the (normalised) rows the policy acted on.
        Assert.Equal(Normalised(policy, perEpisodeInputs), RolloutBatch.From(perEpisode, policy, market).Observations);
        Assert.Equal(Normalised(policy, lockstepInputs), RolloutBatch.From(lockstep, policy, market).Observations);
        // SFT cloning of the same trajectories: the raw rows.
        Assert.Equal(lockstepInputs, BehaviourDataset.FromTrajectories(lockstep, MarketObservations.Names.Count, policy.Actions, 5, market).Observations);

        // Offline replay: the trajectories stored in a library and read back.
        using var dir = new TempFolder();
        using var library = ExperienceLibrary.Open(dir.Combine("lib.db"));
        library.AppendBatch(TrajectoryFactory.Batch(), lockstep);
        var replayed = new LibraryReplay(library, 100, groups: false, unitsPerBatch: 100, seed: 3).Batch(1);
        Assert.Equal(lockstep.Count, replayed.Count);
        var replayBatch = RolloutBatch.From(replayed, policy, market);
        for (int i = 0; i < replayed.Count; i++)
        {
            int e = lockstep.ToList().FindIndex(t => t.Metadata.Seed == replayed[i].Metadata.Seed);
            Assert.Equal(Normalised(policy, lockstepInputs.AsSpan(e * steps * width, steps * width).ToArray()),
                replayBatch.Observations.AsSpan(replayBatch.Offsets[i] * width, steps * width).ToArray());
        }
    }

    [Fact]
    public void Gru_SftSamples_AreTheActingInputs_ForTheSameBar()
    {
        var market = Market.Value;
        var symbol = market.Symbols.First();
        var series = market[symbol];
        int size = MarketObservations.Names.Count, length = 5, from = 3;
        var options = new SftOptions { Architecture = PolicyNetworkSpec.Gru, SequenceLength = length, WarmupBars = 0, Seed = 11 };
        var sft = BehaviourDataset.Build(market, [symbol], series.Dates[from], series.Dates[^1], ActionSpace.LongOnly, options);

        // Acting: a GRU whose every action is flat, from the first SFT bar to the end: all its windows are flat.
        using var policy = Policy(PolicyNetworkSpec.Gru, length, [0, 0, 0]);
        var source = MarketObservations.Of(market).For(symbol);
        var acting = ActingInputs(policy, () => Backtester.Run(policy, series, new BacktestOptions(), from, series.Count - 1, 1, source));
        int width = size * length, features = size - 3;
        var actingByBar = new Dictionary<string, float[]>();
        for (int r = 0; r < acting.Length / width; r++) actingByBar[Key(acting.AsSpan(r * width + width - size, features))] = acting.AsSpan(r * width, width).ToArray();

        int flat = 0;
        for (int i = 0; i < sft.Count; i++)
        {
            var sample = sft.Observations.AsSpan(i * width, width);
            var act = actingByBar[Key(sample.Slice(width - size, features))]; // the acting window at the same bar
            for (int j = 0; j < length; j++) // every sample reads the same bars as acting does
                Assert.True(sample.Slice(j * size, features).SequenceEqual(act.AsSpan(j * size, features)), $"sample {i}, row {j}");
            if (sample[width - 3] != 0) continue;
            Assert.Equal(act, sample.ToArray()); // a flat sample is exactly the flat acting window
            flat++;
        }
        Assert.InRange(flat, sft.Count / 5, sft.Count); // about a third of the draws are flat
    }

    private static string Key(ReadOnlySpan<float> values) => string.Join(",", values.ToArray().Select(BitConverter.SingleToInt32Bits));

    [Fact]
    public void Gru_SftSampleInATrade_CarriesTheTradesHistory()
    {
        var market = Market.Value;
        var symbol = market.Symbols.First();
        var series = market[symbol];
        var source = MarketObservations.Of(market).For(symbol);
        int size = source.Size, length = 8, width = size * length, features = size - 3;
        var sft = BehaviourDataset.Build(market, [symbol], series.Dates[0], series.Dates[^1], ActionSpace.LongOnly,
            new SftOptions { Architecture = PolicyNetworkSpec.Gru, SequenceLength = length, Seed = 5 });
        var barOf = new Dictionary<string, int>();
        var row = new float[size];
        for (int b = 0; b < series.Count; b++)
        {
            source.Observe(b, PositionState.Flat, row);
            barOf[Key(row.AsSpan(0, features))] = b;
        }
        int checkedTrades = 0, reachingBack = 0;
        for (int i = 0; i < sft.Count; i++)
        {
            var sample = sft.Observations.AsSpan(i * width, width);
            var last = sample.Slice(width - size, size);
            if (last[size - 3] == 0) continue;
            int t = barOf[Key(last[..features])], days = (int)Math.Round(last[size - 1] * 60);
            double exposure = last[size - 3], u = last[size - 2];
            double entry = series.Close[t] / (1 + u);
            for (int j = 0; j < length; j++)
            {
                int b = t - length + 1 + j;
                source.Observe(b, days - (t - b) >= 0 ? new PositionState(exposure, series.Close[b] / entry - 1, days - (t - b)) : PositionState.Flat, row);
                for (int v = 0; v < size; v++)
                    Assert.True(Math.Abs(row[v] - sample[j * size + v]) <= 1e-6, $"sample {i} (bar {t}, {days} days), row {j}, value {v}: {sample[j * size + v]} vs {row[v]}");
            }
            if (days < length - 1) reachingBack++;
            checkedTrades++;
        }
        Assert.True(checkedTrades > 100 && reachingBack > 5, $"{checkedTrades} trades, {reachingBack} entered within the window");
    }

    [Fact]
    public void Gru_WithoutTheObservationSource_OrSkippingBars_IsAClearError()
    {
        using var policy = Policy(PolicyNetworkSpec.Gru, 3);
        var series = Market.Value[Market.Value.Symbols.First()];
        var source = MarketObservations.Of(Market.Value).For(series.Symbol);
        var row = new float[source.Size];
        source.Observe(10, PositionState.Flat, row);
        var ex = Assert.Throws<ArgumentNullException>(() => policy.Begin(series, 1).Decide(new DecisionContext(10, PositionState.Flat, row)));
        Assert.Contains("observation source", ex.Message);
        var session = policy.Begin(series, 1);
        session.Decide(new DecisionContext(10, PositionState.Flat, row, source));
        Assert.Contains("consecutive bars", Assert.Throws<ArgumentException>(() => session.Decide(new DecisionContext(12, PositionState.Flat, row, source))).Message);
    }

    [Fact]
    public void Gru_TrainingOnTrajectoriesOfAnotherMarket_IsRefused()
    {
        using var policy = Policy(PolicyNetworkSpec.Gru, 3);
        var rollouts = new ExperienceCollector(Market.Value).Collect(policy, Episodes());
        var other = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 3, Sectors = 1, Years = 2, Seed = 10 });
        var ex = Assert.Throws<InvalidDataException>(() => RolloutBatch.From(rollouts, policy, other));
        Assert.Contains("collected on other data", ex.Message);
        Assert.Contains("pass the market", Assert.Throws<ArgumentNullException>(() => RolloutBatch.From(rollouts, policy)).Message);
        Assert.Throws<ArgumentNullException>(() => BehaviourDataset.FromTrajectories(rollouts, MarketObservations.Names.Count, policy.Actions, 3));
    }

    [Fact]
    public void Gru_AdaptersOffIsTheBase_AndSaveLoadRoundTrips()
    {
        using var policy = Policy(PolicyNetworkSpec.Gru, 4);
        var rows = Enumerable.Range(0, 3 * 4 * MarketObservations.Names.Count).Select(i => (float)Math.Sin(i)).ToArray();
        var on = policy.LogProbabilities(rows, 3);
        policy.Network.AdaptersEnabled = false;
        var off = policy.LogProbabilities(rows, 3);
        Assert.NotEqual(on, off);
        policy.Network.AdaptersEnabled = true;

        using var dir = new StockAgent.Tests.Support.TempFolder();
        policy.Save(dir.Path);
        using var loaded = NeuralPolicy.Load(dir.Path);
        Assert.Equal(PolicyNetworkSpec.Gru, loaded.Network.Spec.Architecture);
        var again = loaded.LogProbabilities(rows, 3);
        for (int i = 0; i < on.Length; i++) Assert.Equal(on[i], again[i], 1e-5f);
        Assert.Throws<ArgumentException>(() => new PolicyNetworkSpec { Inputs = 3, Architecture = "mlp", SequenceLength = 3 }.Validate());
    }
}
