using StockAgent.Agents;
using TorchSharp;
using static TorchSharp.torch;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Training;

[Collection(TorchCollection.Name)]
public class LoraTests
{
    private static PolicyNetwork Network(int seed, int rank = 4)
    {
        torch.manual_seed(seed);
        return new PolicyNetwork(new PolicyNetworkSpec { Inputs = 6, Hidden = [16, 16], Actions = 3, LoraRank = rank, LoraAlpha = 8 });
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static void TrainAdapters(PolicyNetwork net, int steps)
    {
        net.FreezeBase();
        using var opt = torch.optim.Adam(net.AdapterParameters(), lr: 0.05);
        torch.manual_seed(99);
        using var x = torch.randn(32, 6);
        using var target = torch.randint(0, 3, [32]);
        for (int i = 0; i < steps; i++)
        {
            using var scope = torch.NewDisposeScope();
            opt.zero_grad();
            nn.functional.cross_entropy(net.forward(x), target).backward();
            opt.step();
        }
    }

    [Fact]
    public void FreshAdapters_ChangeNothing()
    {
        using var net = Network(1);
        using var x = torch.randn(5, 6);
        using var on = net.forward(x);
        net.AdaptersEnabled = false;
        using var off = net.forward(x);
        Assert.True(Same(on, off));
    }

    [Fact]
    public void TrainingAdapters_LeavesBaseWeightsBitIdentical_AndAdaptersOffIsTheBase()
    {
        using var net = Network(2);
        using var reference = Network(2); // same seed: same base weights
        var before = net.BaseParameters().Select(p => p.detach().clone()).ToList();
        using var x = torch.randn(7, 6);

        TrainAdapters(net, 25);

        foreach (var (p, b) in net.BaseParameters().Zip(before)) Assert.True(Same(p, b), "a base weight changed");
        using var trained = net.forward(x);
        reference.AdaptersEnabled = false;
        using var baseOut = reference.forward(x);
        Assert.False(trained.allclose(baseOut, 1e-4, 1e-5), "adapters did not learn anything");
        net.AdaptersEnabled = false;
        using var off = net.forward(x);
        Assert.True(Same(off, baseOut), "adapters off must equal the base network exactly");
    }

    [Fact]
    public void MergeAdapters_KeepsOutputsWithin1e5()
    {
        using var net = Network(3);
        TrainAdapters(net, 20);
        using var x = torch.randn(9, 6);
        using var before = net.forward(x);

        net.MergeAdapters();
        net.AdaptersEnabled = false;
        using var merged = net.forward(x);

        Assert.True(before.allclose(merged, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void SameSeed_SameWeightsAfterTraining()
    {
        using var a = Network(4);
        using var b = Network(4);
        TrainAdapters(a, 10);
        TrainAdapters(b, 10);
        foreach (var (p, q) in a.parameters().Zip(b.parameters())) Assert.True(Same(p, q));
    }

    [Fact]
    public void ValueHead_MissingIsAClearError()
    {
        using var net = Network(5);
        using var x = torch.randn(2, 6);
        var ex = Assert.Throws<InvalidOperationException>(() => net.ForwardWithValue(x));
        Assert.Contains("value head", ex.Message);
    }
}
