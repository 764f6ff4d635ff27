using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StockAgent.Training;

namespace StockAgent.Tests.Training;

public class GaeTests
{
    [Fact]
    public void Compute_HandComputedEpisode()
    {
        // gamma 0.9, lambda 0.5; rewards 1, 0, 2; values 0.5, 1, 1.5; terminal value 0.
        // deltas: d2 = 2 - 1.5 = 0.5; d1 = 0 + 0.9*1.5 - 1 = 0.35; d0 = 1 + 0.9*1 - 0.5 = 1.4
        // A2 = 0.5; A1 = 0.35 + 0.45*0.5 = 0.575; A0 = 1.4 + 0.45*0.575 = 1.65875
        var adv = new double[3];
        var ret = new double[3];
        Gae.Compute([1, 0, 2], [0.5, 1, 1.5], 0.9, 0.5, adv, ret);
        Assert.Equal([1.65875, 0.575, 0.5], adv.Select(a => Math.Round(a, 12)));
        Assert.Equal([2.15875, 1.575, 2.0], ret.Select(a => Math.Round(a, 12)));
    }

    [Property(MaxTest = 100)]
    public Property Compute_LambdaOne_GivesDiscountedReturnMinusValue() =>
        Prop.ForAll(Gen.Choose(-100, 100).Select(x => x / 10.0).ArrayOf().Where(a => a.Length >= 1).ToArbitrary(), rewards =>
        {
            int n = rewards.Length;
            var values = rewards.Select((r, i) => 0.3 * r - 0.1 * i).ToArray();
            var adv = new double[n];
            var ret = new double[n];
            Gae.Compute(rewards, values, 0.95, 1.0, adv, ret);
            return Enumerable.Range(0, n).All(t =>
            {
                double g = 0;
                for (int k = n - 1; k >= t; k--) g = rewards[k] + 0.95 * g;
                return Math.Abs(ret[t] - g) < 1e-9 && Math.Abs(adv[t] - (g - values[t])) < 1e-9;
            });
        });

    [Fact]
    public void Compute_LambdaZero_IsTheOneStepTdError()
    {
        var adv = new double[2];
        var ret = new double[2];
        Gae.Compute([1, 3], [2, 4], 0.5, 0, adv, ret);
        Assert.Equal([1 + 0.5 * 4 - 2, 3 - 4.0], adv);
    }

    [Fact]
    public void Compute_MismatchedLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => Gae.Compute([1, 2], [1], 0.9, 0.9, new double[2], new double[2]));
}
