using System.Text.Json.Serialization;

namespace StockAgent.Evaluation;

/// <summary>
/// Where a policy loses over its test sets (see <see cref="ErrorAnalysis"/>): the policy, the sets and the date span
/// they cover, how many symbol backtests ran (each starting with <see cref="InitialCash"/>), the total P&amp;L of the
/// closed trades and the total equity change of the backtests (equal, as every position is closed at the end), the
/// volatility tercile thresholds (annualised, from the entries of these trades), the groups, the largest losing
/// trades, the whipsaws, the failing (regime, sector) slices worst first, notes (symbols left out), every trade
/// (not in the JSON), and the corrective collection when one was asked for.
/// </summary>
public sealed record ErrorAnalysisResult(
    string PolicyId,
    string PolicyVersion,
    IReadOnlyList<TestSet> Sets,
    DateOnly From,
    DateOnly To,
    int Backtests,
    double InitialCash,
    double TotalPnl,
    double DailyPnl,
    double VolatilityLowMax,
    double VolatilityMidMax,
    IReadOnlyList<ErrorAnalysisGroup> Groups,
    IReadOnlyList<ErrorAnalysisTrade> TopLosers,
    ErrorAnalysisWhipsaws Whipsaws,
    IReadOnlyList<ErrorAnalysisSlice> FailingSlices,
    IReadOnlyList<string> Notes,
    [property: JsonIgnore] IReadOnlyList<ErrorAnalysisTrade> Trades)
{
    public int TradeCount => Trades.Count;

    public ErrorAnalysisCorrective? Corrective { get; init; }

    /// <summary>The groups of one grouping (<see cref="ErrorAnalysis.ByRegime"/>, ...), in table order.</summary>
    public IReadOnlyList<ErrorAnalysisGroup> GroupsOf(string grouping) => Groups.Where(g => g.Grouping == grouping).ToList();
}
