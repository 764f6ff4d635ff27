using StockAgent.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StockAgent.Experiments;

/// <summary>
/// A <see cref="RobustnessResult"/> as JSON (snake_case): model, kind, data {source, fingerprint, from, to}, split,
/// resamples, seed, registry (null: none), recorded, notes, seconds, seeds {seeds, mean_sharpe, sd_sharpe,
/// mean_total_return, sd_total_return, deterministic}, rows: [{scenario, group, label, from, to, symbols, days, sharpe,
/// ci95 {sharpe {low, high}}, total_return, max_drawdown, win_rate, trades, exposure, note}]. NaN is null.
/// </summary>
public static class RobustnessJson
{
    public static string Serialize(RobustnessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", result.Model);
            w.WriteString("kind", result.Kind);
            w.WriteStartObject("data");
            w.WriteString("source", result.Data.Source);
            w.WriteString("fingerprint", result.Data.Fingerprint);
            w.WriteString("from", result.Data.FirstDate.ToString("yyyy-MM-dd", c));
            w.WriteString("to", result.Data.LastDate.ToString("yyyy-MM-dd", c));
            w.WriteEndObject();
            w.WriteString("split", result.Split);
            w.WriteNumber("resamples", result.Resamples);
            w.WriteNumber("seed", result.Seed);
            if (result.Registry is null) w.WriteNull("registry"); else w.WriteString("registry", result.Registry);
            w.WriteNumber("recorded", result.Recorded);
            w.WriteStartArray("notes");
            foreach (var n in result.Notes) w.WriteStringValue(n);
            w.WriteEndArray();
            Number(w, "seconds", result.Seconds);
            var s = result.Seeds;
            w.WriteStartObject("seeds");
            w.WriteNumber("seeds", s.Seeds);
            Number(w, "mean_sharpe", s.MeanSharpe);
            Number(w, "sd_sharpe", s.SdSharpe);
            Number(w, "mean_total_return", s.MeanTotalReturn);
            Number(w, "sd_total_return", s.SdTotalReturn);
            w.WriteBoolean("deterministic", s.Deterministic);
            w.WriteEndObject();
            w.WriteStartArray("rows");
            foreach (var r in result.Rows)
            {
                w.WriteStartObject();
                w.WriteString("scenario", r.Scenario);
                w.WriteString("group", r.Group);
                w.WriteString("label", r.Label);
                Date(w, "from", r.From);
                Date(w, "to", r.To);
                w.WriteNumber("symbols", r.Symbols);
                w.WriteNumber("days", r.Days);
                Number(w, "sharpe", r.Sharpe);
                w.WriteStartObject("ci95");
                w.WriteStartObject("sharpe");
                Number(w, "low", r.SharpeCi95.Low);
                Number(w, "high", r.SharpeCi95.High);
                w.WriteEndObject();
                w.WriteEndObject();
                Number(w, "total_return", r.TotalReturn);
                Number(w, "max_drawdown", r.MaxDrawdown);
                Number(w, "win_rate", r.WinRate);
                w.WriteNumber("trades", r.Trades);
                Number(w, "exposure", r.Exposure);
                if (r.Note is null) w.WriteNull("note"); else w.WriteString("note", r.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Number(Utf8JsonWriter w, string name, double value) => w.WriteNumberOrNull(name, value);

    private static void Date(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } x) w.WriteString(name, x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); else w.WriteNull(name);
    }
}
