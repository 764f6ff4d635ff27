namespace StockAgent.Features;

/// <summary>What a policy may know of its own position at a decision: current exposure (fraction of
/// equity, signed), unrealised return of the open trade (0 when flat) and bars held (0 when flat).</summary>
public readonly record struct PositionState(double Exposure, double UnrealizedReturn, int DaysInTrade)
{
    public static PositionState Flat => default;
}
