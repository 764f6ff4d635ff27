namespace StockAgent.Agents;

/// <summary>The discrete target exposures a policy chooses from (fractions of equity; negative is short).</summary>
public sealed record ActionSpace
{
    public ActionSpace(IReadOnlyList<double> exposures)
    {
        if (exposures.Count == 0) throw new ArgumentException("An action space needs at least one exposure.", nameof(exposures));
        foreach (var e in exposures)
            if (!double.IsFinite(e) || Math.Abs(e) > 1) throw new ArgumentException($"Exposure {e} is outside [-1, 1].", nameof(exposures));
        Exposures = exposures.ToArray();
    }

    public IReadOnlyList<double> Exposures { get; }

    public int Count => Exposures.Count;

    public bool AllowsShort => Exposures.Any(e => e < 0);

    /// <summary>{0, 0.5, 1}: the default, long-only.</summary>
    public static ActionSpace LongOnly { get; } = new([0.0, 0.5, 1.0]);

    /// <summary>{-1, -0.5, 0, 0.5, 1}: when shorting is enabled.</summary>
    public static ActionSpace LongShort { get; } = new([-1.0, -0.5, 0.0, 0.5, 1.0]);

    /// <summary>Index of the exposure nearest to <paramref name="exposure"/>.</summary>
    public int NearestIndex(double exposure)
    {
        int best = 0;
        for (int i = 1; i < Exposures.Count; i++)
            if (Math.Abs(Exposures[i] - exposure) < Math.Abs(Exposures[best] - exposure)) best = i;
        return best;
    }

    public override string ToString() => "{" + string.Join(", ", Exposures) + "}";
}
