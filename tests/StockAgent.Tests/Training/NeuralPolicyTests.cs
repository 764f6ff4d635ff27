using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Tests.Support;
using TorchSharp;

namespace StockAgent.Tests.Training;

[Collection(TorchCollection.Name)]
public class NeuralPolicyTests
{
    private static readonly int Inputs = MarketObservations.Names.Count;

    private static NeuralPolicy Make(int seed)
    {
        torch.manual_seed(seed);
        var spec = new PolicyNetworkSpec { Inputs = Inputs, Hidden = [32, 32], Actions = 3, ValueHead = true, LoraRank = 4 };
        var rng = new Random(seed);
        var rows = Enumerable.Range(0, Inputs * 50).Select(_ => (float)rng.NextDouble()).ToArray();
        var meta = new NeuralPolicyMetadata(spec, [0, 0.5, 1], MarketObservations.Names.ToArray(), FeatureNormalizer.Fit(rows, Inputs), "t", "sft", DateTimeOffset.UnixEpoch);
        return new NeuralPolicy(new PolicyNetwork(spec), meta);
    }

    private static float[] Observations(int rows, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, rows * Inputs).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
    }

    [Fact]
    public void DecideBatch_EqualsRowByRow()
    {
        using var policy = Make(1);
        policy.Greedy = true;
        var obs = Observations(40, 2);
        var batch = new PolicyDecision[40];
        policy.DecideBatch(obs, 40, batch);
        var one = new PolicyDecision[1];
        for (int r = 0; r < 40; r++)
        {
            policy.DecideBatch(obs.AsSpan(r * Inputs, Inputs), 1, one);
            Assert.Equal(batch[r].Action, one[0].Action);
            Assert.Equal(batch[r].LogProb, one[0].LogProb, 5);
        }
    }

    [Fact]
    public void SaveLoad_OfAnUnclippedNormaliser_KeepsItsInfiniteClip()
    {
        using var dir = new TempFolder();
        using var policy = Make(5);
        var identity = policy.Metadata with { Normalizer = FeatureNormalizer.Identity(policy.Network.Spec.Inputs) };
        policy.Save(dir.Path, identity);
        using var loaded = NeuralPolicy.Load(dir.Path);
        Assert.Equal(double.PositiveInfinity, loaded.Metadata.Normalizer.Clip);
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesTheSameDecisions()
    {
        using var dir = new TempFolder();
        using var policy = Make(5);
        policy.Greedy = true;
        policy.Save(dir.Path);
        using var loaded = NeuralPolicy.Load(dir.Path, greedy: true);
        var obs = Observations(25, 6);
        var a = new PolicyDecision[25];
        var b = new PolicyDecision[25];
        policy.DecideBatch(obs, 25, a);
        loaded.DecideBatch(obs, 25, b);
        Assert.Equal(a, b);
        Assert.Equal(policy.Metadata.Normalizer.Mean, loaded.Metadata.Normalizer.Mean);
    }

    [Fact]
    public void Load_NotAModel_IsAClearError()
    {
        using var dir = new TempFolder();
        var ex = Assert.Throws<FileNotFoundException>(() => NeuralPolicy.Load(dir.Path));
        Assert.Contains("model.json", ex.Message);
    }

    [Fact]
    public void Load_ModelTrainedOnOtherObservations_IsAClearError()
    {
        using var dir = new TempFolder();
        using var policy = Make(7);
        string[] old = [.. MarketObservations.Names.Take(Inputs - 1), "old_feature"];
        policy.Save(dir.Path, policy.Metadata with { ObservationNames = old });
        var ex = Assert.Throws<InvalidDataException>(() => NeuralPolicy.Load(dir.Path));
        Assert.Contains("old_feature", ex.Message);
        Assert.Contains("retrain", ex.Message);
    }

    [Fact]
    public void Normalizer_FittedRowsOnly_AndClipped()
    {
        var n = FeatureNormalizer.Fit(new float[] { 1, 10, 3, 10, float.NaN, 10 }, 2);
        Assert.Equal([2.0, 10], n.Mean);
        Assert.Equal([1.0, 0], n.Std);
        var z = new float[2];
        n.Apply(new float[] { 100, 5 }, z);
        Assert.Equal([5f, 0f], z); // clipped at 5; zero-spread feature maps to 0
    }
}
