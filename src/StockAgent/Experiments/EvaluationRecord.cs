using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using StockAgent.Evaluation;
using StockAgent.IO;
using StockAgent.Statistics;

namespace StockAgent.Experiments;

/// <summary>
/// The files an evaluation leaves in a folder, the record a report is built from: evaluation.json
/// (<see cref="EvaluationReportJson"/>), evaluation.csv and slices.csv (<see cref="EvaluationReportCsv"/>), returns.csv
/// (every candidate's daily returns on every test set) and draws.csv (every bootstrap resample's statistics). The
/// evaluate command's --out and the pipeline's confirmation write them; <see cref="Load"/> reads them back.
/// </summary>
public static class EvaluationRecord
{
    public const string JsonFile = "evaluation.json";
    public const string ReturnsFile = "returns.csv";
    public const string DrawsFile = "draws.csv";

    /// <summary>(file name, content) of every file, the JSON first.</summary>
    public static (string Name, string Text)[] Files(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return
        [
            (JsonFile, EvaluationReportJson.Serialize(report) + "\n"), ("evaluation.csv", EvaluationReportCsv.Comparison(report)),
            ("slices.csv", EvaluationReportCsv.Slices(report)), (ReturnsFile, EvaluationReportCsv.Returns(report)), (DrawsFile, EvaluationReportCsv.Draws(report)),
        ];
    }

    /// <summary>Writes every file into <paramref name="folder"/>, each atomically; returns the JSON's path.</summary>
    public static string Write(EvaluationReport report, string folder)
    {
        foreach (var (name, text) in Files(report)) AtomicFile.WriteAllText(Path.Combine(folder, name), text);
        return Path.Combine(folder, JsonFile);
    }

    /// <summary>The evaluation in <paramref name="path"/> (evaluation.json, or the folder holding it), with each
    /// candidate's daily returns and bootstrap draws from returns.csv and draws.csv beside it when they exist (without
    /// them the scores have no returns and no draws). A file that is not such a record is an
    /// <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static EvaluationReport Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json = Directory.Exists(path) ? Path.Combine(path, JsonFile) : path;
        if (!File.Exists(json)) throw new FileNotFoundException($"evaluation record '{json}' does not exist.", json);
        var report = EvaluationReportJson.Deserialize(File.ReadAllText(json), json);
        string folder = Path.GetDirectoryName(Path.GetFullPath(json))!;
        var returns = ReadReturns(Path.Combine(folder, ReturnsFile));
        var draws = ReadDraws(Path.Combine(folder, DrawsFile));
        return report with
        {
            Sets = report.Sets.Select(set => set with
            {
                Scores = set.Scores.Select(s => s with
                {
                    Returns = returns.GetValueOrDefault((set.Set.Name, s.Name)),
                    Statistics = draws.TryGetValue((set.Set.Name, s.Name), out var d) ? s.Statistics with { Draws = d with { MeanBlockLength = s.Statistics.MeanBlockLength, Seed = s.Statistics.Seed } } : s.Statistics,
                }).ToList(),
            }).ToList(),
        };
    }

    private static Dictionary<(string Set, string Candidate), ReturnSeries> ReadReturns(string path)
    {
        var rows = new Dictionary<(string, string), (List<DateOnly> Dates, List<double> Values)>();
        if (!File.Exists(path)) return [];
        Read(path, EvaluationReportCsv.ReturnsHeader, (csv, line) =>
        {
            var key = (csv.GetField(0)!, csv.GetField(1)!);
            if (!rows.TryGetValue(key, out var r)) rows[key] = r = ([], []);
            var text = csv.GetField(2) ?? "";
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidDataException($"{path}:{line}: '{text}' is not a yyyy-MM-dd date.");
            r.Dates.Add(date);
            r.Values.Add(Number(csv.GetField(3), path, line, "return"));
        });
        var result = new Dictionary<(string, string), ReturnSeries>();
        foreach (var (key, (dates, values)) in rows)
        {
            var series = new ReturnSeries([.. dates], [.. values]);
            try { series.Validate(); }
            catch (ArgumentException ex) { throw new InvalidDataException($"{path}: {key.Item2} on {key.Item1}: {ex.Message}", ex); }
            result[key] = series;
        }
        return result;
    }

    private static Dictionary<(string Set, string Candidate), BootstrapDraws> ReadDraws(string path)
    {
        if (!File.Exists(path)) return [];
        var rows = new Dictionary<(string, string), List<(double Sharpe, double Cagr, double Mdd, double Total)>>();
        Read(path, EvaluationReportCsv.DrawsHeader, (csv, line) =>
        {
            var key = (csv.GetField(0)!, csv.GetField(1)!);
            if (!rows.TryGetValue(key, out var r)) rows[key] = r = [];
            r.Add((Number(csv.GetField(3), path, line, "sharpe"), Number(csv.GetField(4), path, line, "cagr"),
                Number(csv.GetField(5), path, line, "max_drawdown"), Number(csv.GetField(6), path, line, "total_return")));
        });
        return rows.ToDictionary(kv => kv.Key, kv => new BootstrapDraws(double.NaN, 0, kv.Value.Select(x => x.Sharpe).ToArray(),
            kv.Value.Select(x => x.Cagr).ToArray(), kv.Value.Select(x => x.Mdd).ToArray(), kv.Value.Select(x => x.Total).ToArray()));
    }

    private static void Read(string path, string header, Action<CsvReader, int> row)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        if (!csv.Read() || string.Join(",", csv.Parser.Record ?? []) != header)
            throw new InvalidDataException($"{path}:1: expected the header '{header}'.");
        int columns = header.Split(',').Length;
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            if (csv.Parser.Count != columns) throw new InvalidDataException($"{path}:{line}: {csv.Parser.Count} fields, expected {columns} ({header}).");
            row(csv, line);
        }
    }

    private static double Number(string? text, string path, int line, string column)
    {
        if (string.IsNullOrEmpty(text)) return double.NaN;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x : throw new InvalidDataException($"{path}:{line}: {column} '{text}' is not a number.");
    }
}
