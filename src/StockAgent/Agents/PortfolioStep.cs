using StockAgent.Features;

namespace StockAgent.Agents;

/// <summary>One symbol deciding on a portfolio day (<see cref="IPortfolioSession.Decide"/>): its index in the session's
/// universe, its bar (an index into its own series), its position state and the observation source that built its row
/// (null when none; a sequence model reads the bars before its episode from it).</summary>
public readonly record struct PortfolioStep(int Symbol, int Bar, PositionState Position, IObservationSource? Source);
