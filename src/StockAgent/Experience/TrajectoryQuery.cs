namespace StockAgent.Experience;

/// <summary>Filters over stored trajectories; null means "any". <see cref="MaxRewardZScore"/> drops outliers whose
/// reward lies more than that many standard deviations (population) from the library's mean reward.
/// <see cref="Corrective"/>: true keeps only trajectories flagged <see cref="CorrectiveFlag"/> (collected on the slices
/// where a policy lost, by error analysis), false leaves them out.</summary>
public sealed record TrajectoryQuery
{
    public string? Symbol { get; init; }
    public string? Sector { get; init; }
    public string? Regime { get; init; }
    public string? PolicyId { get; init; }
    public long? BatchId { get; init; }
    public double? MinReward { get; init; }
    public double? MaxReward { get; init; }
    public double? MaxRewardZScore { get; init; }
    public bool GroupedOnly { get; init; }
    public int? Limit { get; init; }
    public bool? Corrective { get; init; }

    /// <summary>The quality flag of corrective trajectories (one entry of <see cref="TrajectoryMetadata.QualityFlags"/>).</summary>
    public const string CorrectiveFlag = "corrective";

    public static TrajectoryQuery All { get; } = new();
}
