using System.Globalization;
using StockAgent.Experiments;

namespace StockAgent.Reporting;

/// <summary>
/// A plain-words verdict on one candidate in one test set, computed from the report's numbers: it "beats" the
/// benchmark's buy-and-hold only when its annualised Sharpe is higher AND the Jobson-Korkie-Memmel test of the
/// difference (two-sided, <see cref="Evaluation.BenchmarkComparison.PValue"/>) rejects equality at
/// <paramref name="alpha"/>; otherwise it "does NOT beat" it. The sentence carries both Sharpe ratios, the model's 95%
/// bootstrap interval, the p-value, PSR and DSR (or that there is none), and the numbers' label (IN-SAMPLE, "used for
/// model selection" or the kind of out-of-sample). Without a market benchmark it compares with equal-weight buy-and-hold
/// and says there is no significance test.
/// </summary>
public static class EvaluationConclusion
{
    public static string Of(TestSetReport set, string candidate, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(candidate);
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1).");
        var model = set.Scores.FirstOrDefault(s => s.Name == candidate)
            ?? throw new ArgumentException($"'{candidate}' is not scored on test set '{set.Set.Name}' (scored: {string.Join(", ", set.Scores.Select(s => s.Name))}).", nameof(candidate));
        var yardstick = set.Scores.FirstOrDefault(s => s.Kind == "benchmark") ?? set.Scores.First(s => s.Name == EvaluationRun.EqualWeightBuyAndHold);
        var e = model.Statistics;
        var c = e.SharpeDifference;
        var ic = CultureInfo.InvariantCulture;
        string F(double x) => double.IsFinite(x) ? x.ToString("F2", ic) : "n/a";
        bool higher = e.Sharpe > yardstick.Statistics.Sharpe;
        bool significant = c is not null && c.PValue < alpha;
        string verdict = higher && significant ? "beats" : "does NOT beat";
        string why = c is null ? "no significance test (the market has no benchmark)"
            : string.Create(ic, $"p = {(double.IsFinite(c.PValue) ? c.PValue.ToString("F3", ic) : "n/a")} (Jobson-Korkie-Memmel){(higher && !significant ? $", a higher Sharpe that is not significant at {alpha:0.##}" : !higher && significant ? $", significantly lower at {alpha:0.##}" : "")}");
        string dsr = double.IsFinite(e.Dsr) ? $"DSR {F(e.Dsr)} over {e.Deflation?.Trials} trials" : "no DSR (too few registered trials)";
        return string.Create(ic,
            $"{set.Set.Name} [{model.Label}]: {model.Name} {verdict} {yardstick.Name}: Sharpe {F(e.Sharpe)} [{F(e.Ci95.Sharpe.Low)}, {F(e.Ci95.Sharpe.High)}] vs {F(yardstick.Statistics.Sharpe)}, {why}; PSR {F(e.Psr)}; {dsr}.");
    }
}
