namespace StockAgent.Tests.Support;

/// <summary>A fact that needs ../shared/data/market; it is reported as skipped, with the reason, where that folder is missing.</summary>
public sealed class SharedMarketFactAttribute : FactAttribute
{
    public SharedMarketFactAttribute()
    {
        if (RepoPaths.SharedMarket is null)
            Skip = "../shared/data/market is not present on this machine";
    }
}
