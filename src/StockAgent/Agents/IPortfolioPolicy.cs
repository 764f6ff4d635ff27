using StockAgent.Market;

namespace StockAgent.Agents;

/// <summary>
/// A policy that decides for a whole universe at once: each day it turns the observations of the symbols deciding that
/// day into target weights (fractions of portfolio equity, signed), backtested by the portfolio backtester. A policy is
/// shared and stateless; per-episode state lives in the <see cref="IPortfolioSession"/> that <see cref="Begin"/> returns.
/// </summary>
public interface IPortfolioPolicy
{
    string Id { get; }

    string Version { get; }

    /// <summary>The per-symbol actions the policy chooses from (the weights derive from them).</summary>
    ActionSpace Actions { get; }

    /// <summary>True when weights may be negative (long-short).</summary>
    bool AllowsShort { get; }

    /// <summary>The weight that counts as a full position of one symbol when <paramref name="symbols"/> decide: a symbol's
    /// position state (exposure) is its position value / equity divided by it, clipped to [-1, 1].</summary>
    double FullWeight(int symbols);

    /// <summary>Starts one episode over <paramref name="universe"/> (a step's <see cref="PortfolioStep.Symbol"/> indexes
    /// it). A session may read bars 0..t of a symbol only when deciding at its bar t. The same seed gives the same
    /// decisions.</summary>
    IPortfolioSession Begin(IReadOnlyList<PriceSeries> universe, int seed);
}
