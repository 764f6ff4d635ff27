namespace StockAgent.Experiments;

/// <summary>How the pipeline and a sweep choose between models, on the validation period only: the better model has the
/// better validation Sharpe among those with at least <see cref="MinTrades"/> closed trades (a model that opens one
/// position has the Sharpe of that one stock, not of a strategy); a model with enough trades beats one without; then the
/// higher defined Sharpe wins.</summary>
public static class ModelSelection
{
    /// <summary>Closed trades below which a win rate or a Sharpe does not speak for a strategy.</summary>
    public const int MinTrades = 30;

    public static bool IsBetter(ValidationMetrics candidate, ValidationMetrics? best)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (best is null) return true;
        bool enough = candidate.Trades >= MinTrades, bestEnough = best.Trades >= MinTrades;
        if (enough != bestEnough) return enough;
        if (!double.IsFinite(best.Sharpe)) return double.IsFinite(candidate.Sharpe);
        return candidate.Sharpe > best.Sharpe;
    }
}
