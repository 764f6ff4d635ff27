using StockAgent.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StockAgent.Evaluation;

namespace StockAgent.Experiments;

/// <summary>
/// An <see cref="EvaluationReport"/> as JSON (snake_case): data {source, fingerprint, from, to}, split, registry, trials
/// {trials, sharpe_variance_annualised, max_sharpe_annualised} or null, resamples, seed, notes, seconds, and test_sets:
/// [{name, kind, from, to, symbols, guard, results: [{name, kind, label, in_sample, symbols, statistics (as
/// <see cref="ReturnEvaluationJson"/>), slices: [{grouping, slice, days, sharpe, annual_return, trades, win_rate}]}]}].
/// NaN is null.
/// </summary>
public static class EvaluationReportJson
{
    public static string Serialize(EvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("source", report.Data.Source);
            w.WriteString("fingerprint", report.Data.Fingerprint);
            w.WriteString("from", report.Data.FirstDate.ToString("yyyy-MM-dd", c));
            w.WriteString("to", report.Data.LastDate.ToString("yyyy-MM-dd", c));
            w.WriteEndObject();
            w.WriteString("split", report.Split.ToString());
            if (report.Registry is null) w.WriteNull("registry"); else w.WriteString("registry", report.Registry);
            if (report.Trials is { } t)
            {
                w.WriteStartObject("trials");
                w.WriteNumber("trials", t.Trials);
                Number(w, "sharpe_variance_annualised", t.SharpeVarianceAnnualised);
                Number(w, "max_sharpe_annualised", t.MaxSharpeAnnualised);
                w.WriteEndObject();
            }
            else w.WriteNull("trials");
            w.WriteNumber("resamples", report.Resamples);
            w.WriteNumber("seed", report.Seed);
            w.WriteStartArray("notes");
            foreach (var n in report.Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            Number(w, "seconds", report.Seconds);
            w.WriteStartArray("test_sets");
            foreach (var set in report.Sets)
            {
                w.WriteStartObject();
                w.WriteString("name", set.Set.Name);
                w.WriteString("kind", set.Set.Kind);
                w.WriteString("from", set.Set.From.ToString("yyyy-MM-dd", c));
                w.WriteString("to", set.Set.To.ToString("yyyy-MM-dd", c));
                w.WriteStartArray("symbols");
                foreach (var s in set.Set.Symbols) w.WriteStringValue(s);
                w.WriteEndArray();
                w.WriteStartArray("guard");
                foreach (var g in set.Guard) w.WriteStringValue(g);
                w.WriteEndArray();
                w.WriteStartArray("results");
                foreach (var score in set.Scores)
                {
                    w.WriteStartObject();
                    w.WriteString("name", score.Name);
                    w.WriteString("kind", score.Kind);
                    w.WriteString("label", score.Label);
                    w.WriteBoolean("in_sample", score.InSample);
                    w.WriteNumber("symbols", score.Symbols);
                    w.WritePropertyName("statistics");
                    w.WriteRawValue(ReturnEvaluationJson.Serialize(score.Statistics));
                    w.WriteStartArray("slices");
                    foreach (var r in score.Slices)
                    {
                        w.WriteStartObject();
                        w.WriteString("grouping", r.Grouping);
                        w.WriteString("slice", r.Slice);
                        w.WriteNumber("days", r.Days);
                        Number(w, "sharpe", r.Sharpe);
                        Number(w, "annual_return", r.AnnualReturn);
                        w.WriteNumber("trades", r.Trades);
                        Number(w, "win_rate", r.WinRate);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value) => w.WriteNumberOrNull(name, value);
}
