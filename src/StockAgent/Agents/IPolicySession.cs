namespace StockAgent.Agents;

/// <summary>One episode of a policy. Decide is called with strictly increasing bars.</summary>
public interface IPolicySession
{
    PolicyDecision Decide(in DecisionContext context);
}
