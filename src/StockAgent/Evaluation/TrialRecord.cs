namespace StockAgent.Evaluation;

/// <summary>
/// One configuration trained or evaluated, as the experiment registry keeps it. <see cref="ValidationSharpe"/> is the
/// PER-PERIOD Sharpe ratio on the validation data (mean / sample std of the per-period returns);
/// <see cref="AnnualisedSharpe"/> multiplies it by sqrt(<see cref="PeriodsPerYear"/>). <see cref="Observations"/> is
/// the number of returns behind it. <see cref="Kind"/> says what happened ("train", "evaluate", ...);
/// <see cref="ConfigHash"/> identifies the configuration and <see cref="DataFingerprint"/> the data
/// (see <see cref="ExperimentRegistry.Hash"/>). <see cref="Id"/> is assigned by the registry (0 before).
/// </summary>
public sealed record TrialRecord(
    string ConfigHash,
    string DataFingerprint,
    double ValidationSharpe,
    int Observations,
    DateTimeOffset Time,
    string Label,
    string Kind = "train",
    double PeriodsPerYear = 252,
    long Id = 0)
{
    public double AnnualisedSharpe => ValidationSharpe * Math.Sqrt(PeriodsPerYear);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConfigHash)) throw new ArgumentException("ConfigHash must not be empty.", nameof(ConfigHash));
        if (string.IsNullOrWhiteSpace(DataFingerprint)) throw new ArgumentException("DataFingerprint must not be empty.", nameof(DataFingerprint));
        if (string.IsNullOrWhiteSpace(Kind)) throw new ArgumentException("Kind must not be empty.", nameof(Kind));
        if (!double.IsFinite(ValidationSharpe)) throw new ArgumentException($"ValidationSharpe must be a finite number, got {ValidationSharpe}.", nameof(ValidationSharpe));
        if (Observations < 1) throw new ArgumentOutOfRangeException(nameof(Observations), Observations, "Observations must be at least 1.");
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear)) throw new ArgumentOutOfRangeException(nameof(PeriodsPerYear), PeriodsPerYear, "PeriodsPerYear must be positive.");
    }
}
