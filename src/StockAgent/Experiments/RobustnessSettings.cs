using System.Globalization;
using StockAgent.Backtest;
using StockAgent.Evaluation;
using StockAgent.Market;

namespace StockAgent.Experiments;

/// <summary>
/// What <see cref="RobustnessRun.Run"/> stresses and how. <see cref="Model"/> is one spec as
/// <see cref="CandidateResolver"/> accepts it (a model or run folder, <c>model:</c>, <c>ensemble:</c>, a baseline name)
/// that resolves to exactly one policy. Grids and multipliers are applied to <see cref="Backtest"/> one at a time.
/// </summary>
public sealed record RobustnessSettings
{
    public string Model { get; init; } = "";

    /// <summary>Stationary-bootstrap resamples of each row's Sharpe interval.</summary>
    public int Resamples { get; init; } = 1_000;

    /// <summary>Seed of the bootstrap and the first policy seed.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Policy sampling seeds tried (seed i is <see cref="Seed"/> + i x <see cref="SeedStride"/>).</summary>
    public int Seeds { get; init; } = 5;

    /// <summary>Distance between two tried policy seeds: symbol k's session gets seed + k, so consecutive seeds would share sessions.</summary>
    public const int SeedStride = 10_007;

    public IReadOnlyList<double> PositionSizes { get; init; } = [0.25, 0.5, 0.75, 1.0];

    /// <summary>Stop-losses as fractions of the entry price; null is "none".</summary>
    public IReadOnlyList<double?> StopLosses { get; init; } = [null, 0.02, 0.05, 0.10];

    /// <summary>Multipliers of <see cref="Backtest"/>'s commission and slippage (1 is the reference row).</summary>
    public IReadOnlyList<double> CostMultipliers { get; init; } = [1, 2, 5];

    public IReadOnlyList<CrisisWindow> Crises { get; init; } = CrisisWindow.Defaults;

    public IReadOnlyList<SyntheticShock> Shocks { get; init; } = SyntheticShock.Defaults;

    /// <summary>The fresh synthetic market the shocks go into; null: the context's synthetic settings (the defaults
    /// for a folder market) with another seed (the model's market seed + 1), starting the day after the context's last day.</summary>
    public SyntheticMarketOptions? ShockMarket { get; init; }

    /// <summary>Trading days scored around each shock: the last days of the fresh market.</summary>
    public int ShockWindowDays { get; init; } = 140;

    /// <summary>Trading days of the scored window before the shock starts.</summary>
    public int ShockLeadDays { get; init; } = 20;

    /// <summary>Rows with fewer daily returns get no bootstrap interval.</summary>
    public int MinDaysForInterval { get; init; } = 60;

    /// <summary>The reference execution (the kit's default costs and sizing, <see cref="PolicyTester.PortfolioCash"/>, as evaluate).</summary>
    public BacktestOptions Backtest { get; init; } = BacktestOptions.Default with { InitialCash = PolicyTester.PortfolioCash };

    /// <summary>The experiment registry every configuration is recorded in (null: experiments.db beside the model's run
    /// folder; none for a baseline).</summary>
    public string? Registry { get; init; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) throw new ArgumentException("Model must name one model or baseline.", nameof(Model));
        if (Resamples < 1 || Resamples > 1_000_000) throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Resamples must be between 1 and 1,000,000.");
        if (Seeds < 2 || Seeds > 1000) throw new ArgumentOutOfRangeException(nameof(Seeds), Seeds, "Seeds must be between 2 and 1000 (a standard deviation needs two).");
        foreach (var p in PositionSizes)
            if (!(p > 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(PositionSizes), p, string.Create(CultureInfo.InvariantCulture, $"every position size must be in (0, 1] (got {p})."));
        foreach (var s in StopLosses)
            if (s is { } v && !(v > 0 && v < 1)) throw new ArgumentOutOfRangeException(nameof(StopLosses), v, string.Create(CultureInfo.InvariantCulture, $"every stop-loss must be in (0, 1) or none (got {v})."));
        foreach (var m in CostMultipliers)
            if (!(m >= 0 && double.IsFinite(m))) throw new ArgumentOutOfRangeException(nameof(CostMultipliers), m, string.Create(CultureInfo.InvariantCulture, $"every cost multiplier must be a finite number >= 0 (got {m})."));
        foreach (var shock in Shocks) shock.Validate();
        if (ShockLeadDays < 0 || ShockWindowDays < ShockLeadDays + 2)
            throw new ArgumentOutOfRangeException(nameof(ShockWindowDays), ShockWindowDays, $"ShockWindowDays must exceed ShockLeadDays ({ShockLeadDays}) by at least 2.");
        if (MinDaysForInterval < 2) throw new ArgumentOutOfRangeException(nameof(MinDaysForInterval), MinDaysForInterval, "MinDaysForInterval must be at least 2.");
        Backtest.Validate();
    }
}
