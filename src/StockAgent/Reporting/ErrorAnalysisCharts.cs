using Plotly.NET;
using StockAgent.Evaluation;

namespace StockAgent.Reporting;

/// <summary>Plotly charts of an <see cref="ErrorAnalysisResult"/> for notebooks.</summary>
public static class ErrorAnalysisCharts
{
    /// <summary>Grouped columns per group of <paramref name="grouping"/> (<see cref="ErrorAnalysis.ByRegime"/>, ...), in
    /// the result's order: the summed P&amp;L after costs of the closed trades entered in the group, and (except for holding
    /// periods, which have no days) the summed equity change of the days labelled with it. Currency.</summary>
    public static GenericChart Pnl(ErrorAnalysisResult result, string grouping)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(grouping);
        var groups = result.GroupsOf(grouping);
        if (groups.Count == 0) throw new ArgumentException($"the error analysis has no '{grouping}' groups ({string.Join(", ", result.Groups.Select(g => g.Grouping).Distinct())}).", nameof(grouping));
        var keys = groups.Select(g => g.Key).ToArray();
        var traces = new List<GenericChart>
        {
            Plotly.NET.CSharp.Chart.Column<double, string, string>(groups.Select(g => g.TotalPnl).ToArray(), Keys: keys, Name: $"closed trades ({grouping} at entry)"),
        };
        if (groups.Any(g => g.Days > 0))
            traces.Add(Plotly.NET.CSharp.Chart.Column<double, string, string>(groups.Select(g => g.DailyPnl).ToArray(), Keys: keys, Name: $"days ({grouping} of the day)"));
        return Plotly.NET.CSharp.Chart.Combine(traces).WithTitle($"Error analysis of {result.PolicyId}: P&L by {grouping}").WithXTitle(grouping).WithYTitle("P&L after costs");
    }
}
