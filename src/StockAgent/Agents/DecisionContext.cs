using StockAgent.Features;
namespace StockAgent.Agents;

/// <summary>
/// What a policy sees when it decides at bar <see cref="Bar"/> (an index into the episode's series):
/// data up to and including that bar's close, its own position, the observation vector built by
/// the features (empty when the caller builds none), and the <see cref="Source"/> that built it (null when none), from
/// which a session may read bars up to <see cref="Bar"/> (a sequence model reads the bars before its episode's first,
/// see <see cref="ObservationWindows"/>). The order it returns fills at bar + 1's open.
/// </summary>
public readonly ref struct DecisionContext(int bar, PositionState position, ReadOnlySpan<float> observation, IObservationSource? source = null)
{
    public int Bar { get; } = bar;
    public PositionState Position { get; } = position;
    public ReadOnlySpan<float> Observation { get; } = observation;
    public IObservationSource? Source { get; } = source;
}
