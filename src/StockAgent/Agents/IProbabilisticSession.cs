namespace StockAgent.Agents;

/// <summary>A session that can report its full action distribution at a decision (neural policies), as used by
/// mean-probability ensembles. Calling it counts as the decision at that bar (sequence models record the observation).</summary>
public interface IProbabilisticSession
{
    /// <summary>Natural-log probabilities of every action at <paramref name="context"/>'s bar.</summary>
    float[] LogProbabilities(in DecisionContext context);
}
