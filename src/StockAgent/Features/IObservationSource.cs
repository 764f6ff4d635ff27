
namespace StockAgent.Features;

/// <summary>Builds the observation vector a policy sees at bar t (features up to t's close plus position state).</summary>
public interface IObservationSource
{
    int Size { get; }

    /// <summary>Writes the observation for bar <paramref name="t"/> into <paramref name="destination"/> (length <see cref="Size"/>).
    /// Must read no bar after t.</summary>
    void Observe(int t, in PositionState position, Span<float> destination);
}
