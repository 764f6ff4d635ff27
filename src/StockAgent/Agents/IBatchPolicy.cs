namespace StockAgent.Agents;

/// <summary>
/// A policy that decides for many episodes in one call (the neural agent: one batched forward pass), so a collector
/// can step episodes in lockstep. A batch policy decides from the observation (and, for a sequence model, the bars
/// before its episode read from the observation source), not from the position given beside it.
/// </summary>
public interface IBatchPolicy : IPolicy
{
    /// <summary>Takes the decision of every session in <paramref name="steps"/> (each begun by this policy's
    /// <see cref="IPolicy.Begin"/>) at its current bar: row r of <paramref name="observations"/> (rows of equal length,
    /// row-major) is step r's observation, and <paramref name="output"/>[r] receives what <see cref="IPolicySession.Decide"/>
    /// with the context (step r's bar, position, that row, step r's source) would return, consuming the session's random
    /// draws and history in the same way. Each session appears at most once per call.</summary>
    void DecideSessions(ReadOnlySpan<SessionStep> steps, ReadOnlySpan<float> observations, Span<PolicyDecision> output);
}
