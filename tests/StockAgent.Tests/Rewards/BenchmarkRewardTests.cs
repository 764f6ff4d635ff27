using StockAgent.Rewards;
using StockAgent.Statistics;

namespace StockAgent.Tests.Rewards;

/// <summary>Known answers of the benchmark-relative and differential-Sharpe rewards, and their clear refusal of an
/// episode collected before the benchmark was measured.</summary>
public class BenchmarkRewardTests
{
    private static EpisodeStats S(double ret, double sharpe, double benchmarkReturn, double benchmarkSharpe, double dsr = double.NaN) =>
        new(ret * 10_000, ret, sharpe, 0.05, 3, 0.5, 0.8, 0.2, 10_000, benchmarkReturn, benchmarkSharpe, dsr);

    [Theory]
    [InlineData(0.05, 0.03, 0.02)]
    [InlineData(0.01, 0.04, -0.03)]
    [InlineData(0.0, -0.02, 0.02)] // flat through a falling market beats it
    public void ExcessReturn_IsReturnMinusBenchmarkReturn(double ret, double benchmark, double expected) =>
        Assert.Equal(expected, RewardFunctions.ByName("excess-return")(S(ret, 1, benchmark, 1)), 12);

    [Theory]
    [InlineData(1.2, 0.7, 0.5)]
    [InlineData(double.NaN, 0.7, -0.7)]   // a flat episode's NaN Sharpe counts as 0
    [InlineData(0.9, double.NaN, 0.9)]    // a flat benchmark (measured return, NaN Sharpe) counts as 0
    [InlineData(-0.4, 1.1, -1.5)]
    public void ExcessSharpe_IsSharpeMinusBenchmarkSharpe_FlatAsZero(double sharpe, double benchmark, double expected) =>
        Assert.Equal(expected, RewardFunctions.ByName("excess-sharpe")(S(0.01, sharpe, 0.0, benchmark)), 12);

    [Fact]
    public void DifferentialSharpe_IsTheEpisodesSumOfD()
    {
        // D_t by hand (eta 0.05, A_0 = B_0 = 0) for returns 0.01, -0.01, 0.02, 0.005: 0, -7.365452508, 6.573995465, 0.795523201.
        double sum = DifferentialSharpeRatio.Sum([0.01, -0.01, 0.02, 0.005]);
        Assert.Equal(0.0040661576555558465, sum, 12);
        Assert.Equal(sum, RewardFunctions.ByName("differential-sharpe")(S(0.01, 1, 0, 1, sum)), 15);
    }

    [Theory]
    [InlineData("excess-return", "buy-and-hold benchmark")]
    [InlineData("excess-sharpe", "buy-and-hold benchmark")]
    [InlineData("differential-sharpe", "differential Sharpe ratio")]
    public void AnEpisodeWithoutTheFields_GetsAnErrorNamingTheRewardAndTheRemedy(string name, string what)
    {
        var old = new EpisodeStats(100, 0.01, 1, 0.05, 3, 0.5, 0.8, 0.2, 10_000); // as an older library stores it
        var ex = Assert.Throws<InvalidDataException>(() => RewardFunctions.ByName(name)(old));
        Assert.Contains($"reward {name} needs the episode's {what}", ex.Message);
        Assert.Contains("Collect the episodes again", ex.Message);
        Assert.Contains(name, RewardFunctions.Names);
    }
}
