namespace StockAgent.Training;

/// <summary>Range checks of training settings; the message names the config key.</summary>
internal static class Check
{
    public static void Range(long value, long min, long max, string key)
    {
        if (value < min || value > max)
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key} must be between {min:N0} and {max:N0} (got {value:N0})."), key);
    }

    public static void Range(double value, double min, double max, string key, bool minExclusive = false)
    {
        bool ok = double.IsFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
        if (!ok) throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key} must be in {(minExclusive ? "(" : "[")}{Fmt(min)}, {Fmt(max)}] (got {Fmt(value)})."), key);
    }

    /// <summary>A positive, finite number (a step size, a clipping norm: no upper bound is meaningful).</summary>
    public static void Positive(double value, string key)
    {
        if (!(double.IsFinite(value) && value > 0))
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key} must be a positive number (got {Fmt(value)})."), key);
    }

    private static string Fmt(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
