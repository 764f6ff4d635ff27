using StockAgent.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StockAgent.Evaluation;
using StockAgent.Experience;

namespace StockAgent.Experiments;

/// <summary>
/// An <see cref="EvaluationReport"/> as JSON (snake_case): format, data (the <see cref="DataIdentity"/>: kind, source,
/// fingerprint, first_date, last_date, symbols, benchmark, market_seed), split (the <see cref="ResolvedSplit"/>), costs,
/// registry, trials {trials, records, sharpe_variance_annualised, sharpe_variance_per_period, mean_sharpe_annualised,
/// max_sharpe_annualised} or null, resamples, seed, notes, seconds, and test_sets: [{name, kind, from, to, symbols, guard,
/// results: [{name, kind, label, in_sample, symbols, statistics (as <see cref="ReturnEvaluationJson"/>), slices:
/// [{grouping, slice, days, sharpe, annual_return, trades, win_rate}]}]}]. NaN is null. <see cref="Deserialize"/> reads
/// it back: writing what it read gives the same text. The daily returns and bootstrap draws are not in it (see
/// <see cref="EvaluationRecord"/>, which keeps them beside it).
/// </summary>
public static class EvaluationReportJson
{
    public const int CurrentFormat = 1;

    public static string Serialize(EvaluationReport report)
    {
        var c = CultureInfo.InvariantCulture;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("format", CurrentFormat);
            w.WritePropertyName("data");
            w.WriteRawValue(JsonSerializer.Serialize(report.Data, RunRecord.Json));
            w.WritePropertyName("split");
            w.WriteRawValue(JsonSerializer.Serialize(report.Split, RunRecord.Json));
            w.WriteString("costs", report.Costs);
            if (report.Registry is null) w.WriteNull("registry"); else w.WriteString("registry", report.Registry);
            if (report.Trials is { } t)
            {
                w.WriteStartObject("trials");
                w.WriteNumber("trials", t.Trials);
                w.WriteNumber("records", t.Records);
                Number(w, "sharpe_variance_annualised", t.SharpeVarianceAnnualised);
                Number(w, "sharpe_variance_per_period", t.SharpeVariancePerPeriod);
                Number(w, "mean_sharpe_annualised", t.MeanSharpeAnnualised);
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

    /// <summary>Reads what <see cref="Serialize"/> wrote. Text that is not such JSON, or from a newer format, is an
    /// <see cref="InvalidDataException"/> naming <paramref name="source"/> (a file path, for messages) and the field.</summary>
    public static EvaluationReport Deserialize(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not JSON ({ex.Message}).", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            string field = "format";
            try
            {
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out _))
                    throw new InvalidDataException("no format number: an evaluation.json written before evaluation records were versioned, or not one at all; " +
                                                   "re-run `stockagent evaluate --out DIR` for a record the report reads");
                int format = root.Int("format");
                if (format > CurrentFormat)
                    throw new InvalidDataException($"format {format} is newer than this kit reads ({CurrentFormat}); update the kit");
                field = "data";
                var data = root.Required("data").Deserialize<DataIdentity>(RunRecord.Json) ?? throw new InvalidDataException("missing 'data'.");
                field = "split";
                var split = root.Required("split").Deserialize<ResolvedSplit>(RunRecord.Json) ?? throw new InvalidDataException("missing 'split'.");
                field = "trials";
                TrialStatistics? trials = root.Required("trials") is { ValueKind: JsonValueKind.Object } t
                    ? new TrialStatistics(t.Int("trials"), t.Int("records"), t.NumberOrNaN("sharpe_variance_annualised"), t.NumberOrNaN("sharpe_variance_per_period"),
                        t.NumberOrNaN("mean_sharpe_annualised"), t.NumberOrNaN("max_sharpe_annualised"))
                    : null;
                field = "test_sets";
                var sets = new List<TestSetReport>();
                foreach (var set in root.Required("test_sets").EnumerateArray())
                {
                    var testSet = new TestSet(set.String("name") ?? "", set.String("kind") ?? "", Strings(set, "symbols"), set.Date("from"), set.Date("to"));
                    field = $"test_sets[{sets.Count}] ({testSet.Name})";
                    var scores = new List<CandidateScore>();
                    foreach (var r in set.Required("results").EnumerateArray())
                    {
                        var slices = r.Required("slices").EnumerateArray().Select(x => new SliceRow(x.String("grouping") ?? "", x.String("slice") ?? "", x.Int("days"),
                            x.NumberOrNaN("sharpe"), x.NumberOrNaN("annual_return"), x.Int("trades"), x.NumberOrNaN("win_rate"))).ToList();
                        scores.Add(new CandidateScore(r.String("name") ?? "", r.String("kind") ?? "", r.String("label") ?? "", r.Int("symbols"),
                            ReturnEvaluationJson.Deserialize(r.Required("statistics")), slices));
                    }
                    sets.Add(new TestSetReport(testSet, Strings(set, "guard"), scores));
                }
                field = "notes";
                return new EvaluationReport(data, split, sets, trials, root.String("registry"), root.Int("resamples"), root.Int("seed"), Strings(root, "notes"),
                    root.NumberOrNaN("seconds"), root.String("costs") ?? "");
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{source}: not an evaluation record ({field}: {ex.Message})", ex);
            }
        }
    }

    private static string[] Strings(JsonElement e, string name) =>
        e.Required(name).EnumerateArray().Select(x => x.GetString() ?? throw new InvalidDataException($"'{name}' holds a null.")).ToArray();
}
