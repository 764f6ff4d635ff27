using StockAgent.Statistics;

namespace StockAgent.Tests.Statistics;

public class BlockLengthSelectorTests
{
    [Fact]
    public void NumpyRandomState_ReproducesNumpysFirstNormals()
    {
        var rs = new NumpyRandomState(0);
        Assert.Equal(1.764052345967664, rs.StandardNormal(), 14);
        Assert.Equal(0.4001572083672233, rs.StandardNormal(), 14);
        Assert.Equal(0.9787379841057392, rs.StandardNormal(), 14);
    }

    [Fact]
    public void Estimate_Ar1_MatchesArchsPublishedValues()
    {
        // arch (bashtage/arch) arch/tests/bootstrap/test_block_length.py: e = RandomState(0).standard_normal(10100),
        // y_t = 0.3 y_{t-1} + e_t, the last 10,000 values; optimal_block_length gives 13.635665 (stationary) and
        // 15.60894 (circular), asserted there with rtol 1e-4.
        var rs = new NumpyRandomState(0);
        var y = new double[10_100];
        for (int i = 0; i < y.Length; i++) y[i] = rs.StandardNormal();
        for (int i = 1; i < y.Length; i++) y[i] = 0.3 * y[i - 1] + y[i];
        var b = BlockLengthSelector.Estimate(y.AsSpan(100));
        Assert.Equal(13.635665, b.Stationary, 13.635665 * 1e-4);
        Assert.Equal(15.60894, b.Circular, 15.60894 * 1e-4);
    }

    [Fact]
    public void Estimate_WhiteNoise_IsNearOne_AndPersistentSeriesGetLongerBlocks()
    {
        var rs = new NumpyRandomState(3);
        var white = Enumerable.Range(0, 2000).Select(_ => rs.StandardNormal()).ToArray();
        var ar = (double[])white.Clone();
        for (int i = 1; i < ar.Length; i++) ar[i] = 0.7 * ar[i - 1] + white[i];
        double bw = BlockLengthSelector.Estimate(white).Stationary, ba = BlockLengthSelector.Estimate(ar).Stationary;
        Assert.InRange(bw, 1, 3);
        Assert.True(ba > 3 * bw, $"AR(0.7) block {ba} vs white noise {bw}");
    }

    [Fact]
    public void Estimate_ShortOrConstant_GivesOne_AndPersistentStaysWithinBMax()
    {
        Assert.Equal(new BlockLengths(1, 1), BlockLengthSelector.Estimate([0.01, 0.02, -0.01]));
        Assert.Equal(new BlockLengths(1, 1), BlockLengthSelector.Estimate(Enumerable.Repeat(0.01, 100).ToArray()));
        // AR(0.99), 100 values: however persistent, the block stays within [1, b_max = ceil(min(3 sqrt(100), 100 / 3)) = 30].
        var rs = new NumpyRandomState(11);
        var ar = new double[100];
        for (int i = 0; i < ar.Length; i++) ar[i] = (i > 0 ? 0.99 * ar[i - 1] : 0) + rs.StandardNormal();
        var b = BlockLengthSelector.Estimate(ar);
        Assert.InRange(b.Stationary, 5, 30);
        Assert.InRange(b.Circular, b.Stationary, 30);
    }
}
