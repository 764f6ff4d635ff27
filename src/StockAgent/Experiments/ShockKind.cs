namespace StockAgent.Experiments;

/// <summary>The kinds of synthetic shock <see cref="SyntheticShock"/> injects into generated prices.</summary>
public enum ShockKind
{
    /// <summary>A steady fall: every day of the shock adds ln(1 + move) / days to the close-to-close log return.</summary>
    Crash,

    /// <summary>A volatility spike: each day's log return's deviation from its causal mean is multiplied.</summary>
    VolatilitySpike,

    /// <summary>A sideways grind: the close is pinned to the last pre-shock close times a damped daily move.</summary>
    SidewaysGrind,
}
