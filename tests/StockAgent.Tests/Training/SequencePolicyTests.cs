using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using StockAgent.Training;
using TorchSharp;
using static TorchSharp.torch;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

/// <summary>The GRU option: windows of past observations, and the same inputs when acting and when training.</summary>
[Collection(TorchCollection.Name)]
public class SequencePolicyTests
{
    [Fact]
    public void Stack_PadsWithTheFirstObservation()
    {
        float[] rows = [1, 10, 2, 20, 3, 30]; // 3 steps of 2 values
        var windows = new float[3 * 2 * 3];
        ObservationWindows.Stack(rows, 2, 3, windows);
        Assert.Equal([1f, 10, 1, 10, 1, 10, /**/ 1, 10, 1, 10, 2, 20, /**/ 1, 10, 2, 20, 3, 30], windows);
    }

    [Property(MaxTest = 50)]
    public Property Stack_WindowAtT_ReadsNoLaterRow() =>
        Prop.ForAll(Gen.Choose(1, 30).Three().ToArbitrary(), p =>
        {
            var (steps, length, t) = (p.Item1, 1 + p.Item2 % 6, p.Item3 % p.Item1);
            var rows = Enumerable.Range(0, steps * 2).Select(i => (float)i).ToArray();
            var changed = rows.ToArray();
            for (int i = (t + 1) * 2; i < changed.Length; i++) changed[i] = -1;
            var a = new float[steps * 2 * length];
            var b = new float[steps * 2 * length];
            ObservationWindows.Stack(rows, 2, length, a);
            ObservationWindows.Stack(changed, 2, length, b);
            return a.AsSpan(0, (t + 1) * 2 * length).SequenceEqual(b.AsSpan(0, (t + 1) * 2 * length));
        });

    private static NeuralPolicy Policy(string architecture, int length)
    {
        int inputs = MarketObservations.Names.Count;
        torch.manual_seed(4);
        var spec = new PolicyNetworkSpec { Inputs = inputs, Architecture = architecture, SequenceLength = length, Hidden = [16, 8], Actions = 3, ValueHead = true, LoraRank = 2 };
        var network = new PolicyNetwork(spec);
        using (torch.no_grad())
            foreach (var p in network.AdapterParameters()) p.normal_(0, 0.3); // non-zero adapters: on and off differ
        var normalizer = new FeatureNormalizer(new double[inputs], Enumerable.Repeat(0.5, inputs).ToArray());
        return new NeuralPolicy(network, new NeuralPolicyMetadata(spec, [0, 0.5, 1], [.. MarketObservations.Names], normalizer, "t", "sft", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData(PolicyNetworkSpec.Mlp, 1)]
    [InlineData(PolicyNetworkSpec.Gru, 5)]
    public void StoredLogProbs_EqualTheTrainingBatchsRecomputation(string architecture, int length)
    {
        var market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 3, Sectors = 1, Years = 2, Seed = 9 });
        using var policy = Policy(architecture, length);
        var episodes = market.Symbols.Select((s, i) => new EpisodeSpec(s, 80 + 10 * i, 20, null, i)).ToList();
        var rollouts = new ExperienceCollector(market).Collect(policy, episodes);

        var batch = RolloutBatch.From(rollouts, policy);
        using var scope = torch.NewDisposeScope();
        var logp = nn.functional.log_softmax(policy.Network.forward(torch.tensor(batch.Observations, [batch.Steps, batch.Inputs])), 1)
            .gather(1, torch.tensor(batch.Actions).unsqueeze(1)).squeeze(1).data<float>().ToArray();

        var stored = rollouts.SelectMany(t => t.LogProbs).ToArray();
        Assert.Equal(stored.Length, logp.Length);
        for (int i = 0; i < logp.Length; i++) Assert.Equal(stored[i], logp[i], tolerance: 1e-4);
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
