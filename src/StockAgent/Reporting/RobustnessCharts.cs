using Plotly.NET;
using StockAgent.Experiments;

namespace StockAgent.Reporting;

/// <summary>Plotly charts of a <see cref="RobustnessResult"/> for notebooks.</summary>
public static class RobustnessCharts
{
    /// <summary>Columns of the annualised Sharpe ratio of every scenario with data and a finite Sharpe, one trace per
    /// group (in the result's order), with the 95% stationary-bootstrap percentile interval as asymmetric error bars
    /// (high - sharpe above, sharpe - low below, each at least 0 as a percentile interval need not contain the point; no
    /// bar where the row has no interval). Scenarios with no data are left out; the title says how many.</summary>
    public static GenericChart Sharpe(RobustnessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var shown = result.Rows.Where(r => r.InData && double.IsFinite(r.Sharpe)).ToList();
        if (shown.Count == 0) throw new ArgumentException($"the robustness result of {result.Model} has no scenario with a Sharpe ratio.", nameof(result));
        var traces = shown.GroupBy(r => r.Group).Select(g =>
        {
            var rows = g.ToList();
            return Plotly.NET.CSharp.Chart.Column<double, string, string>(rows.Select(r => r.Sharpe).ToArray(), Keys: rows.Select(r => r.Scenario).ToArray(), Name: g.Key)
                .WithYErrorBars(rows.Select(r => Math.Max(0, r.SharpeCi95.High - r.Sharpe)), rows.Select(r => Math.Max(0, r.Sharpe - r.SharpeCi95.Low)));
        });
        int left = result.Rows.Count - shown.Count;
        string title = $"Robustness of {result.Model}: annualised Sharpe per scenario (95% bootstrap interval)" + (left > 0 ? $", {left} scenario(s) without data left out" : "");
        return Plotly.NET.CSharp.Chart.Combine(traces).WithTitle(title).WithXTitle("scenario").WithYTitle("annualised Sharpe");
    }
}
