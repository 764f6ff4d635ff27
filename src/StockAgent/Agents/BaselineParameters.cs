namespace StockAgent.Agents;

/// <summary>Parameters of the rule-based baselines, with the defaults the CLI uses.</summary>
public sealed record BaselineParameters
{
    public int Fast { get; init; } = 50;
    public int Slow { get; init; } = 200;
    public int Lookback { get; init; } = 60;
    public int Hold { get; init; } = 20;
    public int RsiPeriod { get; init; } = 14;
    public double RsiEnter { get; init; } = 30;
    public double RsiExit { get; init; } = 50;
    public ActionSpace? Actions { get; init; }
}
