namespace StockAgent.Agents;

/// <summary>Creates the baseline policies by the names the CLI and configs use.</summary>
public static class PolicyFactory
{
    public static IReadOnlyList<string> BaselineNames { get; } = ["buy-and-hold", "sma-crossover", "momentum", "mean-reversion", "random"];

    public static IPolicy Create(string name, BaselineParameters? p = null)
    {
        p ??= new BaselineParameters();
        return name.Trim().ToLowerInvariant() switch
        {
            "buy-and-hold" => new BuyAndHoldPolicy(p.Actions),
            "sma-crossover" => new SmaCrossoverPolicy(p.Fast, p.Slow, p.Actions),
            "momentum" => new MomentumPolicy(p.Lookback, p.Hold, p.Actions),
            "mean-reversion" => new MeanReversionPolicy(p.RsiPeriod, p.RsiEnter, p.RsiExit, p.Actions),
            "random" => new RandomPolicy(p.Actions),
            _ => throw new ArgumentException($"unknown strategy '{name}'; choose one of {string.Join(", ", BaselineNames)}."),
        };
    }
}
