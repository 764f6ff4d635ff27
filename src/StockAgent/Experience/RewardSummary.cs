namespace StockAgent.Experience;

/// <summary>Distribution of episode rewards: count, mean, minimum, quartiles (nearest-rank) and maximum; NaN when empty.</summary>
public sealed record RewardSummary(int Count, double Mean, double Min, double Q1, double Median, double Q3, double Max)
{
    public static RewardSummary From(IReadOnlyList<double> sortedRewards)
    {
        int n = sortedRewards.Count;
        if (n == 0) return new RewardSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double Q(double p) => sortedRewards[Math.Clamp((int)Math.Ceiling(p * n) - 1, 0, n - 1)];
        return new RewardSummary(n, sortedRewards.Average(), sortedRewards[0], Q(0.25), Q(0.5), Q(0.75), sortedRewards[^1]);
    }
}
