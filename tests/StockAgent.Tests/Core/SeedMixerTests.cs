namespace StockAgent.Tests.Core;

public class SeedMixerTests
{
    [Fact]
    public void Mix_IsStableAcrossProcesses_AndSpreadsNearbyInputs()
    {
        // A fixed value: HashCode.Combine would differ from process to process.
        Assert.Equal(SeedMixer.Mix(7, 0), SeedMixer.Mix(7, 0));
        Assert.Equal(470_900_616, SeedMixer.Mix(7, 0));
        var seeds = Enumerable.Range(0, 1000).Select(i => SeedMixer.Mix(7, i)).ToHashSet();
        Assert.Equal(1000, seeds.Count);
        Assert.All(seeds, s => Assert.True(s >= 0));
    }
}
