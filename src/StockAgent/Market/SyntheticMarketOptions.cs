using static System.FormattableString;

namespace StockAgent.Market;

/// <summary>Settings of the synthetic market generator. Years are 252 trading days.</summary>
public sealed record SyntheticMarketOptions
{
    public int Symbols { get; init; } = 40;
    public int Sectors { get; init; } = 6;
    public int Years { get; init; } = 10;
    public int Seed { get; init; } = 7;

    /// <summary>First trading day; weekends are skipped.</summary>
    public DateOnly Start { get; init; } = new(2010, 1, 4);

    /// <summary>
    /// Strength s in [0, 1] of the planted predictable component: short-term momentum. Each symbol's
    /// daily log return r_t gets the extra term <c>s x 0.4 x mean(r_{t-1}, ..., r_{t-5})</c>, the mean of
    /// its own last five daily log returns of the close, which any causal 5-day-return feature sees. At
    /// s = 1 the correlation of the 5-day mean with the next day's return is about 0.15-0.2; at 0 there
    /// is no predictable component beyond the market regime drift.
    /// </summary>
    public double SignalStrength { get; init; }

    /// <summary>
    /// Strength kappa in [0, 1] of a planted cross-sectional reversal (0, the default: none). Each symbol's daily log return
    /// r_(s,t) gets the extra term <c>-kappa x 0.1 x (R5_(s,t-1) - mean_j R5_(j,t-1))</c>, where R5_(s,t-1) is the sum of its
    /// last five daily log returns (its 5-day log return to the previous close, which the 5-day-return feature sees) and
    /// the mean is over all symbols: last week's losers relative to the market tend to outperform the next day, last week's
    /// winners to lag, with no net effect on the market. At kappa = 1 a symbol 5% behind the cross-section expects +0.5% the
    /// next day.
    /// </summary>
    public double CrossSectionalReversal { get; init; }

    /// <summary>Expected length of a market regime in trading days (the Markov chain's persistence).</summary>
    public double MeanRegimeDays { get; init; } = 120;

    /// <summary>Probability of a price jump per symbol and day.</summary>
    public double JumpProbability { get; init; } = 0.004;

    public int TradingDays => Years * 252;

    /// <summary>Throws a clear error when a setting is out of range.</summary>
    public void Validate()
    {
        if (Symbols < 1) throw new ArgumentException($"symbols must be at least 1 (got {Symbols}).");
        if (Sectors < 1 || Sectors > Symbols) throw new ArgumentException($"sectors must be between 1 and the number of symbols ({Symbols}); got {Sectors}.");
        if (Years < 1 || Years > 100) throw new ArgumentException($"years must be between 1 and 100 (got {Years}).");
        if (SignalStrength < 0 || SignalStrength > 1) throw new ArgumentException(Invariant($"signal strength must be in [0, 1] (got {SignalStrength})."));
        if (CrossSectionalReversal < 0 || CrossSectionalReversal > 1) throw new ArgumentException(Invariant($"cross-sectional reversal must be in [0, 1] (got {CrossSectionalReversal})."));
        if (MeanRegimeDays < 1) throw new ArgumentException($"mean regime length must be at least 1 day (got {MeanRegimeDays}).");
        if (JumpProbability < 0 || JumpProbability > 0.5) throw new ArgumentException(Invariant($"jump probability must be in [0, 0.5] (got {JumpProbability})."));
    }
}
