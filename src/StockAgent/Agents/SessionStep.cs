using StockAgent.Features;
namespace StockAgent.Agents;

/// <summary>One row of a batched decision (<see cref="IBatchPolicy.DecideSessions"/>): the session deciding, and what its
/// <see cref="DecisionContext"/> would carry beside the observation: the bar, the position and the observation source.</summary>
public readonly record struct SessionStep(IPolicySession Session, int Bar, PositionState Position, IObservationSource? Source);
