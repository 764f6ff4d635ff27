using System.Globalization;

namespace StockAgent.Agents;

/// <summary>
/// Volatility-targeted sizing of a chosen exposure e at bar t: e x min(<see cref="Cap"/>, <see cref="Target"/> / sigma_t),
/// clamped to [-1, 1]. sigma_t is the causal realised volatility at t's close: the sample standard deviation
/// (normaliser T - 1, T = <see cref="Lookback"/>) of the last <see cref="Lookback"/> daily log returns
/// ln(close[j] / close[j-1]), j = t - T + 1 .. t, annualised with sqrt(252) (the usual close-to-close estimator,
/// e.g. Hull, Options, Futures and Other Derivatives, ch. 15). Before T returns exist (t &lt; T) sigma_t is NaN and the
/// scale is 1 (the exposure as chosen); a flat price history (sigma_t = 0) gives the cap. Only closes up to t are read.
/// <see cref="Target"/> is annualised (0.15 = 15% a year).
/// </summary>
public sealed record VolatilityTarget
{
    public const int DefaultLookback = 20;

    public VolatilityTarget(double target, int lookback = DefaultLookback, double cap = 1.0)
    {
        if (!(double.IsFinite(target) && target > 0))
            throw new ArgumentOutOfRangeException(nameof(target), target, "the volatility target must be a positive annualised volatility (e.g. 0.15).");
        if (lookback < 2)
            throw new ArgumentOutOfRangeException(nameof(lookback), lookback, "the volatility lookback needs at least 2 daily returns.");
        if (!(double.IsFinite(cap) && cap > 0))
            throw new ArgumentOutOfRangeException(nameof(cap), cap, "the volatility-target cap must be a positive multiple of the chosen exposure.");
        Target = target;
        Lookback = lookback;
        Cap = cap;
    }

    /// <summary>Annualised volatility the position aims at.</summary>
    public double Target { get; }

    /// <summary>Daily log returns in sigma_t.</summary>
    public int Lookback { get; }

    /// <summary>Largest multiple of the chosen exposure (before the clamp to [-1, 1]).</summary>
    public double Cap { get; }

    /// <summary>sigma_t: annualised sample (T - 1) standard deviation of the <paramref name="lookback"/> daily log returns
    /// up to bar <paramref name="t"/>'s close; NaN when t &lt; lookback.</summary>
    public static double RealizedVolatility(ReadOnlySpan<double> close, int t, int lookback)
    {
        if ((uint)t >= (uint)close.Length) throw new ArgumentOutOfRangeException(nameof(t), t, $"bar {t} is outside the {close.Length} closes.");
        // The same close-to-close estimator as the regime labeller's, over the window of returns ending at t.
        return t < lookback ? double.NaN : Market.RegimeLabeler.RealizedVolatility(close, t - lookback, t);
    }

    /// <summary>min(Cap, Target / sigma_t); 1 before <see cref="Lookback"/> returns exist.</summary>
    public double Scale(ReadOnlySpan<double> close, int t)
    {
        double sigma = RealizedVolatility(close, t, Lookback);
        if (double.IsNaN(sigma)) return 1;
        return sigma > 0 ? Math.Min(Cap, Target / sigma) : Cap;
    }

    /// <summary>The sized exposure at bar <paramref name="t"/>: clamp(exposure x <see cref="Scale"/>, -1, 1).</summary>
    public double Size(double exposure, ReadOnlySpan<double> close, int t) => Math.Clamp(exposure * Scale(close, t), -1, 1);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"vol target {Target:0.###} over {Lookback} days, cap {Cap:0.###}");
}
