using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StockAgent.Tests.Training;

public class GrpoMathTests
{
    [Fact]
    public void GroupAdvantages_HandComputed()
    {
        // Group 1: rewards 1, 2, 3 -> mean 2, sample sd 1 -> -1, 0, 1. Group 2: 0.5, 0.5 -> zero spread.
        var r = GroupAdvantages.Compute([1, 2, 3, 0.5, 0.5], [1, 1, 1, 2, 2], eps: 0);

        Assert.Equal([-1.0, 0, 1, 0, 0], r.Advantages);
        Assert.Equal(2, r.Groups);
        Assert.Equal(0.5, r.ZeroSpreadShare);
    }

    [Fact]
    public void GroupAdvantages_NoScaling_OnlyCentres()
    {
        var r = GroupAdvantages.Compute([1, 3, 10, 20], [7, 7, 8, 8], AdvantageScaling.None);
        Assert.Equal([-1.0, 1, -5, 5], r.Advantages);
    }

    [Fact]
    public void GroupAdvantages_BatchScaling_DividesByTheBatchSpread()
    {
        var r = GroupAdvantages.Compute([1, 3, 10, 20], [7, 7, 8, 8], AdvantageScaling.Batch, eps: 0);
        double sd = Math.Sqrt((1 + 1 + 25 + 25) / 3.0);
        Assert.Equal([-1 / sd, 1 / sd, -5 / sd, 5 / sd], r.Advantages.Select(a => Math.Round(a, 12)).ToArray(), new RoundedComparer());
    }

    [Fact]
    public void GroupAdvantages_UngroupedTrajectories_GetZero()
    {
        var r = GroupAdvantages.Compute([1, 2], [null, null]);
        Assert.Equal([0.0, 0], r.Advantages);
        Assert.Equal(1.0, r.ZeroSpreadShare);
    }

    [Property(MaxTest = 100)]
    public Property GroupAdvantages_SumToZeroWithinEachGroup() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).Select(x => x / 100.0).ArrayOf().Where(a => a.Length >= 2).ToArbitrary(), rewards =>
        {
            var groups = rewards.Select((_, i) => (long?)(i % 3)).ToArray();
            var adv = GroupAdvantages.Compute(rewards, groups).Advantages;
            return Enumerable.Range(0, 3).All(g => Math.Abs(adv.Where((_, i) => i % 3 == g).Sum()) < 1e-6);
        });

    [Property(MaxTest = 200)]
    public Property KlK3_IsZeroAtIdentityAndNeverNegative() =>
        Prop.ForAll(Gen.Choose(1, 999).Two().ToArbitrary(), p =>
        {
            using var scope = torch.NewDisposeScope();
            var a = torch.tensor(new[] { Math.Log(p.Item1 / 1000.0) });
            var b = torch.tensor(new[] { Math.Log(p.Item2 / 1000.0) });
            double kl = GrpoLoss.KlK3(a, b).item<double>();
            double self = GrpoLoss.KlK3(a, a).item<double>();
            return kl >= -1e-12 && Math.Abs(self) < 1e-12;
        });

    [Theory]
    [InlineData(1.0, 0.5, true)]    // A > 0, ratio 1.65 > 1.2: clipped, no gradient
    [InlineData(-1.0, -0.5, true)]  // A < 0, ratio 0.61 < 0.8: clipped, no gradient
    [InlineData(1.0, 0.05, false)]  // inside the range: gradient flows
    [InlineData(-1.0, 0.5, false)]  // A < 0 with ratio above range: the unclipped term is the min, gradient flows
    public void Loss_ClippedSteps_HaveNoPolicyGradient(double advantage, double logRatio, bool clipped)
    {
        using var scope = torch.NewDisposeScope();
        var logpNew = torch.tensor(new[] { Math.Log(0.3) + logRatio }, requires_grad: true);
        var logpOld = torch.tensor(new[] { Math.Log(0.3) });
        var (loss, stats) = GrpoLoss.Compute(logpNew, logpOld, logpNew.detach(), torch.tensor(new[] { advantage }), clipEps: 0.2, beta: 0);

        loss.backward();

        double grad = logpNew.grad!.item<double>();
        if (clipped) Assert.Equal(0, grad);
        else Assert.NotEqual(0, grad);
        Assert.Equal(Math.Abs(Math.Exp(logRatio) - 1) > 0.2 ? 1.0 : 0.0, stats.ClipFraction);
    }

    [Fact]
    public void Loss_KnownValue()
    {
        // ratio e^0.1 = 1.10517, A = 2: min(2.21034, 2.21034) -> policy loss -2.21034; KL k3 with ref = new: 0.
        using var scope = torch.NewDisposeScope();
        var logpNew = torch.tensor(new[] { -1.0 });
        var (loss, stats) = GrpoLoss.Compute(logpNew, torch.tensor(new[] { -1.1 }), logpNew, torch.tensor(new[] { 2.0 }), 0.2, 0.05);
        Assert.Equal(-2 * Math.Exp(0.1), loss.item<double>(), 9);
        Assert.Equal(0, stats.Kl, 12);
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-9;
        public int GetHashCode(double obj) => 0;
    }
}
