namespace StockAgent.Agents;

/// <summary>One episode of a <see cref="IPortfolioPolicy"/>. Decide is called once per day, with strictly increasing
/// bars for each symbol.</summary>
public interface IPortfolioSession
{
    /// <summary>The decision of one day over the symbols in <paramref name="steps"/> (each at most once): row r of
    /// <paramref name="observations"/> (rows of equal length, row-major) is step r's observation; <paramref name="weights"/>[r]
    /// receives step r's target weight (a fraction of portfolio equity) and <paramref name="decisions"/>[r] the action
    /// chosen for it with its log-probability (what training needs; the weights are a deterministic function of them).</summary>
    void Decide(ReadOnlySpan<PortfolioStep> steps, ReadOnlySpan<float> observations, Span<double> weights, Span<PolicyDecision> decisions);
}
