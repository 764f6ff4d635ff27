
namespace StockAgent.Rewards;

/// <summary>The built-in reward functions. NaN inputs (no trades, flat episode) never count as passing a threshold.</summary>
public static class RewardFunctions
{
    /// <summary>The research plan's composite: r = 0.5 + pnl / 2000; x1.3 if Sharpe &gt; 1.5 (else x1.15 if
    /// Sharpe &gt; 1.0); x1.2 if win rate &gt; 0.55; x0.7 if max drawdown &gt; 0.15; clipped to [0, 1].
    /// P&amp;L is in currency, so the scale assumes episodes of about 10,000 of initial equity (the collector's default).</summary>
    public static double Composite(EpisodeStats s)
    {
        double r = 0.5 + s.Pnl / 2000;
        if (s.Sharpe > 1.5) r *= 1.3;
        else if (s.Sharpe > 1.0) r *= 1.15;
        if (s.WinRate > 0.55) r *= 1.2;
        if (s.MaxDrawdown > 0.15) r *= 0.7;
        return Math.Clamp(double.IsNaN(r) ? 0 : r, 0, 1);
    }

    /// <summary>The episode's P&amp;L in currency.</summary>
    public static double Pnl(EpisodeStats s) => s.Pnl;

    /// <summary>Return scaled by the Sharpe ratio's sign and size: return x (1 + max(Sharpe, 0)) / 2; a flat episode's NaN Sharpe counts as 0.</summary>
    public static double SharpeWeighted(EpisodeStats s) => s.Return * (1 + Math.Max(double.IsNaN(s.Sharpe) ? 0 : s.Sharpe, 0)) / 2;

    /// <summary>Return per unit of annualised volatility (0 for a flat episode).</summary>
    public static double RiskAdjustedReturn(EpisodeStats s) => s.Volatility > 0 ? s.Return / s.Volatility : 0;

    /// <summary>Return minus twice the max drawdown.</summary>
    public static double DrawdownPenalised(EpisodeStats s) => s.Return - 2 * s.MaxDrawdown;

    /// <summary>Return plus a bonus for using capital when it pays: 0.1 x mean exposure when the return is positive, minus it when negative.</summary>
    public static double PositionSizingBonus(EpisodeStats s) => s.Return + 0.1 * s.MeanExposure * Math.Sign(s.Return);

    /// <summary>Excess return over buy-and-hold of the same bars: <see cref="EpisodeStats.Return"/> - <see cref="EpisodeStats.BenchmarkReturn"/>.</summary>
    /// <exception cref="InvalidDataException">The episode has no benchmark (collected before it was measured).</exception>
    public static double ExcessReturn(EpisodeStats s) => s.Return - Benchmark(s, "excess-return").BenchmarkReturn;

    /// <summary>Excess Sharpe over buy-and-hold of the same bars: Sharpe - benchmark Sharpe (both annualised), a flat
    /// episode's or flat benchmark's NaN Sharpe counted as 0.</summary>
    /// <exception cref="InvalidDataException">The episode has no benchmark (collected before it was measured).</exception>
    public static double ExcessSharpe(EpisodeStats s)
    {
        double benchmark = Benchmark(s, "excess-sharpe").BenchmarkSharpe;
        return (double.IsNaN(s.Sharpe) ? 0 : s.Sharpe) - (double.IsNaN(benchmark) ? 0 : benchmark);
    }

    /// <summary>The sum of Moody and Saffell's differential Sharpe ratio over the episode's daily returns (<see cref="EpisodeStats.DifferentialSharpe"/>).</summary>
    /// <exception cref="InvalidDataException">The episode has no differential Sharpe (collected before it was measured).</exception>
    public static double DifferentialSharpe(EpisodeStats s) => double.IsNaN(s.DifferentialSharpe)
        ? throw NotMeasured("differential-sharpe", "differential Sharpe ratio")
        : s.DifferentialSharpe;

    /// <summary>The stats when they carry a benchmark (a measured benchmark return; its Sharpe may be NaN when it stayed flat).</summary>
    private static EpisodeStats Benchmark(EpisodeStats s, string reward) =>
        double.IsNaN(s.BenchmarkReturn) ? throw NotMeasured(reward, "buy-and-hold benchmark") : s;

    private static InvalidDataException NotMeasured(string reward, string what) => new(
        $"reward {reward} needs the episode's {what}, which this episode lacks: it was collected before the kit measured it " +
        "(an older experience library). Collect the episodes again (stockagent collect, or train online), or choose a reward " +
        $"that needs no benchmark ({string.Join(", ", Names.Take(6))}).");

    public static IReadOnlyList<string> Names { get; } =
        ["composite", "pnl", "sharpe", "risk-adjusted", "drawdown-penalised", "position-sizing", "excess-return", "excess-sharpe", "differential-sharpe"];

    public static RewardFunction ByName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "composite" => Composite,
        "pnl" => Pnl,
        "sharpe" => SharpeWeighted,
        "risk-adjusted" => RiskAdjustedReturn,
        "drawdown-penalised" or "drawdown-penalized" => DrawdownPenalised,
        "position-sizing" => PositionSizingBonus,
        "excess-return" => ExcessReturn,
        "excess-sharpe" => ExcessSharpe,
        "differential-sharpe" => DifferentialSharpe,
        _ => throw new ArgumentException($"unknown reward function '{name}'; choose one of {string.Join(", ", Names)}."),
    };
}
