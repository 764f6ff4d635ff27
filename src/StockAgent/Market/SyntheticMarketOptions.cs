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

    /// <summary>Strength of the planted predictable component: the share of each day's idiosyncratic
    /// return explained by a signal visible in past prices. 0 means an unpredictable market.</summary>
    public double SignalStrength { get; init; }

    public int TradingDays => Years * 252;

    /// <summary>Throws a clear error when a setting is out of range.</summary>
    public void Validate()
    {
        if (Symbols < 1) throw new ArgumentException($"symbols must be at least 1 (got {Symbols}).");
        if (Sectors < 1 || Sectors > Symbols) throw new ArgumentException($"sectors must be between 1 and the number of symbols ({Symbols}); got {Sectors}.");
        if (Years < 1 || Years > 100) throw new ArgumentException($"years must be between 1 and 100 (got {Years}).");
        if (SignalStrength < 0 || SignalStrength > 1) throw new ArgumentException($"signal strength must be in [0, 1] (got {SignalStrength}).");
    }
}
