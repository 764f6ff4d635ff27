using StockAgent.Agents;
using StockAgent.Market;

namespace StockAgent.Features;

/// <summary>
/// Observations from <see cref="PriceFeatures"/> of one series plus the position state: exposure,
/// unrealised return, and days in trade / 60. Size: PriceFeatures.Count + 3.
/// </summary>
public sealed class PriceObservationSource(PriceSeries series) : IObservationSource
{
    private readonly float[] _features = PriceFeatures.Compute(series.Close);

    public static IReadOnlyList<string> Names { get; } = [.. PriceFeatures.Names, "exposure", "unrealized_return", "days_in_trade"];

    public int Size => PriceFeatures.Count + 3;

    public void Observe(int t, in PositionState position, Span<float> destination)
    {
        _features.AsSpan(t * PriceFeatures.Count, PriceFeatures.Count).CopyTo(destination);
        destination[PriceFeatures.Count] = (float)position.Exposure;
        destination[PriceFeatures.Count + 1] = (float)position.UnrealizedReturn;
        destination[PriceFeatures.Count + 2] = position.DaysInTrade / 60f;
    }
}
