using StockAgent.Statistics;

namespace StockAgent.Evaluation;

/// <summary>Settings of <see cref="ReturnSeriesEvaluator"/>. The trial count and the ANNUALISED variance of the
/// trials' annualised Sharpe ratios feed the deflated Sharpe ratio (both or neither; e.g. from
/// <see cref="ExperimentRegistry.Statistics"/>); without them there is no DSR.</summary>
public sealed record ReturnEvaluationOptions
{
    /// <summary>Bootstrap resamples (also the random-timing simulations and the Ledoit-Wolf resamples).</summary>
    public int Resamples { get; init; } = 10_000;

    public int Seed { get; init; } = 7;

    /// <summary>Mean block length of the stationary bootstrap of daily returns; null: Politis-White.</summary>
    public double? MeanBlockLength { get; init; }

    public int? Trials { get; init; }

    /// <summary>Variance across the trials of their annualised Sharpe ratios (sqrt(252) x per-day Sharpe).</summary>
    public double? TrialSharpeVariance { get; init; }

    /// <summary>Confidence of the minimum track record length.</summary>
    public double TrackRecordConfidence { get; init; } = 0.95;

    /// <summary>These options with the trial count and variance of a registry's trials.</summary>
    public ReturnEvaluationOptions WithTrials(TrialStatistics trials) => this with { Trials = trials.Trials, TrialSharpeVariance = trials.SharpeVarianceAnnualised };

    public void Validate()
    {
        if (Resamples < 1) throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Resamples must be at least 1.");
        new BootstrapOptions { Resamples = Resamples, Seed = Seed, MeanBlockLength = MeanBlockLength }.Validate();
        if (Trials.HasValue != TrialSharpeVariance.HasValue)
            throw new ArgumentException("Trials and TrialSharpeVariance go together (the deflated Sharpe ratio needs both).", Trials.HasValue ? nameof(TrialSharpeVariance) : nameof(Trials));
        if (Trials is < 2) throw new ArgumentOutOfRangeException(nameof(Trials), Trials, "Trials must be at least 2.");
        if (TrialSharpeVariance is { } v && !(v >= 0 && double.IsFinite(v)))
            throw new ArgumentOutOfRangeException(nameof(TrialSharpeVariance), v, "TrialSharpeVariance must be a finite number >= 0.");
        if (!(TrackRecordConfidence > 0 && TrackRecordConfidence < 1))
            throw new ArgumentOutOfRangeException(nameof(TrackRecordConfidence), TrackRecordConfidence, "TrackRecordConfidence must lie in (0, 1).");
    }
}
