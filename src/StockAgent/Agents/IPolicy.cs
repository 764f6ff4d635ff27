using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>
/// A trading policy: baselines, the neural agent and ensembles all implement it. A policy is shared
/// and stateless; per-episode state lives in the <see cref="IPolicySession"/> that <see cref="Begin"/> returns.
/// </summary>
public interface IPolicy
{
    /// <summary>Stable identifier, e.g. "sma-crossover" or "grpo".</summary>
    string Id { get; }

    /// <summary>Version of the parameters (e.g. "fast=50,slow=200" or a checkpoint tag).</summary>
    string Version { get; }

    ActionSpace Actions { get; }

    /// <summary>Starts one episode over <paramref name="series"/>. A session may read bars 0..t only when
    /// deciding at t. <paramref name="seed"/> seeds stochastic policies; the same seed gives the same decisions.</summary>
    IPolicySession Begin(PriceSeries series, int seed);
}
