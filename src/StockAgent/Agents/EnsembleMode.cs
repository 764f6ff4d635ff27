namespace StockAgent.Agents;

/// <summary>How an ensemble combines its members: the action most members choose (ties go to the smaller
/// exposure), or the most probable action under the mean of the members' action probabilities (neural members only).</summary>
public enum EnsembleMode
{
    MajorityVote,
    MeanProbability,
}
