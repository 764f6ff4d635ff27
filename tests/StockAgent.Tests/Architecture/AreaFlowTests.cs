using StockAgent.Tests.Architecture.Planted.Market;

namespace StockAgent.Tests.Architecture;

public class AreaFlowTests
{
    private static readonly System.Reflection.Assembly Kit = typeof(StockAgent.Market.MarketData).Assembly;

    [Fact]
    public void EveryAreaOfTheKit_IsPlacedInTheFlow()
    {
        var unknown = AreaFlow.AreasOf(Kit, "StockAgent").Where(a => !AreaFlow.Allowed.ContainsKey(a)).ToList();
        Assert.True(unknown.Count == 0, $"areas missing from design.md's flow (AreaFlow.Allowed): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void EveryArea_DependsOnlyOnTheAreasBeforeIt()
    {
        var bad = AreaFlow.AreasOf(Kit, "StockAgent").Where(AreaFlow.Allowed.ContainsKey)
            .SelectMany(area => AreaFlow.Violations(Kit, "StockAgent", area, AreaFlow.Allowed).Select(t => $"{area}: {t}")).ToList();
        Assert.True(bad.Count == 0, "dependencies against the flow:\n" + string.Join("\n", bad));
    }

    [Fact]
    public void TheCheck_FindsAPlantedBackReference()
    {
        // Planted.Market reaches forward into Planted.Training: the same check must flag it (and only it).
        var tests = typeof(AreaFlowTests).Assembly;
        const string root = "StockAgent.Tests.Architecture.Planted";
        Assert.Equal(["Market", "Training"], AreaFlow.AreasOf(tests, root));
        var market = AreaFlow.Violations(tests, root, "Market", AreaFlow.Allowed);
        Assert.Equal([typeof(BackReference).FullName!], market);
        Assert.Empty(AreaFlow.Violations(tests, root, "Training", AreaFlow.Allowed));
    }
}
