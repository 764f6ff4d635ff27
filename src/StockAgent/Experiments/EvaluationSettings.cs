using StockAgent.Backtest;
using StockAgent.Evaluation;

namespace StockAgent.Experiments;

/// <summary>
/// What <see cref="EvaluationRun.Run"/> scores and how. <see cref="Models"/>: what <see cref="CandidateResolver"/>
/// accepts (model and run folders, globs of them, <c>rl:</c> globs as in the research plan, <c>model:</c>,
/// <c>ensemble:</c>, <c>ensemble-mean:</c>, baseline names). The baselines (equal-weight buy-and-hold, SMA crossover
/// 50/200, the seeded random policy) and the market's benchmark are always scored beside them.
/// </summary>
public sealed record EvaluationSettings
{
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>The out-of-time test sets' length in trading days (null: the split's test period).</summary>
    public int? TestDays { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>Score a model on dates x symbols it trained on anyway; every result is then marked IN-SAMPLE.</summary>
    public bool AllowInSample { get; init; }

    /// <summary>Score on the split's validation period of the training symbols instead of the test sets (the period that
    /// chose the models: its results are marked as used for model selection, and no test set is read).</summary>
    public bool ValidationPeriod { get; init; }

    public int Resamples { get; init; } = 10_000;

    public int Seed { get; init; } = 7;

    /// <summary>Costs, sizing and cash of every run (the kit's default costs and sizing, <see cref="PolicyTester.PortfolioCash"/>).</summary>
    public BacktestOptions Backtest { get; init; } = BacktestOptions.Default with { InitialCash = PolicyTester.PortfolioCash };

    /// <summary>The experiment registry that counts the trials for the deflated Sharpe ratio (null: the
    /// <c>experiments.db</c> beside the first model's run folder, when there is one).</summary>
    public string? Registry { get; init; }

    /// <summary>Also cut every set by regime and sector (<see cref="Evaluation.SliceAnalysis"/>).</summary>
    public bool Slices { get; init; } = true;

    public void Validate()
    {
        if (Resamples < 1 || Resamples > 1_000_000) throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Resamples must be between 1 and 1,000,000.");
        if (TestDays is < 2) throw new ArgumentOutOfRangeException(nameof(TestDays), $"TestDays must be at least 2 (got {TestDays}).");
        if (From is { } f && To is { } t && f > t) throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"From ({f:yyyy-MM-dd}) is after To ({t:yyyy-MM-dd})."), nameof(From));
        Backtest.Validate();
    }
}
