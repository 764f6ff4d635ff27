using System.CommandLine;
using System.Globalization;
using StockAgent.Experiments;
using StockAgent.IO;

namespace StockAgent.Cli;

/// <summary>`stockagent evaluate --models`: loads the market, runs <see cref="EvaluationRun"/>, prints one comparison
/// table per test set (or the JSON) and writes the evaluation record (<see cref="EvaluationRecord"/>) under --out.</summary>
public static class ModelEvaluationOutput
{
    public static int Run(ParseResult parse, MarketOptions market, EvaluationSettings settings, bool json, string? outDir)
    {
        var o = parse.InvocationConfiguration.Output;
        var err = parse.InvocationConfiguration.Error;
        var context = ExperimentContext.Load(market.Settings(parse) with { SplitOptional = true }); // a short later folder is scored as a whole
        Action<string> log = json ? err.WriteLine : o.WriteLine;
        log(context.ToString());
        var report = EvaluationRun.Run(context, settings, log);
        var files = EvaluationRecord.Files(report);
        ResultOutput.Emit(o, json, files[0].Text.TrimEnd('\n'), w => Print(w, report), outDir, log, files);
        return 0;
    }

    /// <summary>Per test set: its guard lines, then one row per candidate with point values and [95% intervals].</summary>
    public static void Print(TextWriter o, EvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        string F(double x, int d = 2) => double.IsFinite(x) ? x.ToString("F" + d, c) : double.IsPositiveInfinity(x) ? "inf" : "-";
        string P(double x) => double.IsFinite(x) ? (x * 100).ToString("F1", c) + "%" : "-";
        string I(double low, double high, Func<double, string> f) => double.IsFinite(low) ? $"[{f(low)},{f(high)}]" : "";
        foreach (var set in report.Sets)
        {
            o.WriteLine();
            o.WriteLine(string.Create(c, $"== {set.Set.Name}: {set.Set.Symbols.Count} symbols, {set.Set.From:yyyy-MM-dd}..{set.Set.To:yyyy-MM-dd} ({set.Set.Kind})"));
            foreach (var g in set.Guard) o.WriteLine("   guard: " + g);
            o.WriteLine($"{"candidate",-30} {"sharpe",-19} {"win rate",-21} {"total return",-25} {"annual return",-25} {"max drawdown",-22} {"PF",5} {"trades",6} {"p(vs bench)",11} {"PSR",6} {"DSR",6}  label");
            foreach (var s in set.Scores)
            {
                var e = s.Statistics;
                var i = e.Ci95;
                string name = s.Name.Length > 30 ? s.Name[..29] + "~" : s.Name;
                o.WriteLine($"{name,-30} {F(e.Sharpe) + " " + I(i.Sharpe.Low, i.Sharpe.High, x => F(x)),-19} {P(e.WinRate) + " " + I(i.WinRate.Low, i.WinRate.High, P),-21} " +
                            $"{P(e.TotalReturn) + " " + I(i.TotalReturn.Low, i.TotalReturn.High, P),-25} {P(e.Cagr) + " " + I(i.Cagr.Low, i.Cagr.High, P),-25} " +
                            $"{P(e.MaxDrawdown) + " " + I(i.MaxDrawdown.Low, i.MaxDrawdown.High, P),-22} {F(e.ProfitFactor),5} {e.Trades,6} " +
                            $"{F(e.SharpeDifference?.PValue ?? double.NaN, 3),11} {F(e.Psr),6} {F(e.Dsr),6}  {s.Label}");
            }
        }
        o.WriteLine();
        o.WriteLine(string.Create(c, $"{report.Resamples:N0} stationary-bootstrap resamples per row, seed {report.Seed}; p(vs bench): Jobson-Korkie-Memmel test of the Sharpe difference to the benchmark; PSR against 0; {report.Seconds:F1} s"));
        o.WriteLine(report.Trials is { } t
            ? string.Create(c, $"DSR counts {t.Trials} trials in {report.Registry} (variance of their annualised Sharpe {F(t.SharpeVarianceAnnualised, 4)})")
            : "DSR: -");
        foreach (var n in report.Notes) o.WriteLine("note: " + n);
    }
}
