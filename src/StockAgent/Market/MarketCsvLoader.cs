using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using static System.FormattableString;

namespace StockAgent.Market;

/// <summary>
/// Loads daily bars from CSV files, detecting the layout from the header (<see cref="CsvFormat"/>),
/// adjusting OHLC by adjusted_close / close, and validating every row (<see cref="MarketValidationRules"/>).
/// A file listed newest-first is accepted and reversed; any other disorder is an error.
/// </summary>
public static class MarketCsvLoader
{
    private sealed record Layout(CsvFormat Format, int Date, int Open, int High, int Low, int Close, int Volume, int Adjusted);

    /// <summary>Loads every *.csv in <paramref name="directory"/> and in its <c>daily/</c> subfolder (except
    /// universe.csv, read from the folder itself) in parallel. A file with errors (or one that cannot be read) is left
    /// out of <see cref="MarketLoadResult.Data"/> and said so in <see cref="MarketLoadResult.LeftOut"/>; the folder
    /// itself is unusable (<see cref="MarketLoadResult.Blocking"/>) only without CSV files or with an unreadable universe.csv.</summary>
    public static MarketLoadResult LoadFolder(string directory, MarketValidationRules? rules = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"market data folder '{directory}' does not exist.");
        rules ??= MarketValidationRules.Default;
        var daily = Path.Combine(directory, "daily");
        var files = Directory.GetFiles(directory, "*.csv")
            .Concat(Directory.Exists(daily) ? Directory.GetFiles(daily, "*.csv") : [])
            .Where(f => !Path.GetFileName(f).Equals(UniverseCsv.FileName, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var reports = new CsvFileReport[files.Length];
        Parallel.For(0, files.Length, i => reports[i] = LoadReadableFile(files[i], rules));

        var folderIssues = new List<ValidationIssue>();
        var blocking = new List<ValidationIssue>();
        var leftOut = new List<string>();
        if (files.Length == 0)
            blocking.Add(new ValidationIssue(ValidationSeverity.Error, directory, null, null, "no .csv files with daily bars in this folder"));
        var universePath = Path.Combine(directory, UniverseCsv.FileName);
        IReadOnlyList<SymbolInfo>? listed = null;
        if (File.Exists(universePath))
        {
            var (rows, problem) = UniverseCsv.Parse(universePath);
            if (problem is not null) blocking.Add(problem);
            listed = rows;
        }
        folderIssues.AddRange(blocking);
        var bySymbol = reports.ToDictionary(r => r.Symbol, StringComparer.OrdinalIgnoreCase);

        var universe = new List<SymbolInfo>();
        var series = new Dictionary<string, PriceSeries>(StringComparer.Ordinal);
        PriceSeries? benchmark = null;
        if (listed is not null)
            foreach (var info in listed)
                if (!bySymbol.ContainsKey(info.Symbol))
                {
                    folderIssues.Add(new ValidationIssue(ValidationSeverity.Error, UniverseCsv.FileName, null, null, $"symbol {info.Symbol} is listed but {info.Symbol}.csv is missing"));
                    leftOut.Add($"{info.Symbol} is listed in {UniverseCsv.FileName} but {info.Symbol}.csv is missing");
                }
        foreach (var report in reports)
        {
            var info = listed?.FirstOrDefault(u => u.Symbol.Equals(report.Symbol, StringComparison.OrdinalIgnoreCase));
            if (info is null)
            {
                bool isBenchmark = listed is null && report.Symbol.Equals("SPY", StringComparison.OrdinalIgnoreCase);
                info = new SymbolInfo(report.Symbol, report.Symbol, isBenchmark ? UniverseCsv.BenchmarkSector : "Unknown");
                if (listed is not null)
                    folderIssues.Add(new ValidationIssue(ValidationSeverity.Warning, report.File, null, null, $"{report.Symbol} is not in {UniverseCsv.FileName}; its sector is Unknown"));
            }
            if (report.Series is null)
            {
                leftOut.Add(LeftOutNote(report, info.Sector == UniverseCsv.BenchmarkSector));
                continue;
            }
            if (info.Sector == UniverseCsv.BenchmarkSector) benchmark = report.Series;
            else
            {
                universe.Add(info);
                series[report.Series.Symbol] = report.Series;
            }
        }
        var data = new MarketData(universe, series, benchmark, Path.GetFullPath(directory));
        return new MarketLoadResult(data, reports, folderIssues) { Blocking = blocking, LeftOut = leftOut };
    }

    private static string LeftOutNote(CsvFileReport report, bool isBenchmark)
    {
        var errors = report.Issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
        var first = errors.Count > 0 ? $"{errors[0].Location}: {errors[0].Message}" : "no usable bars";
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more error{(errors.Count > 2 ? "s" : "")})" : "";
        var benchmark = isBenchmark ? "; it is the benchmark, so the market index is the equal-weight index of the symbols instead" : "";
        return $"{report.File} is left out: {first}{more}{benchmark}";
    }

    /// <summary><see cref="LoadFile"/>, with a file that cannot be read (permissions, removed meanwhile, an I/O
    /// error) reported as an error of that file rather than thrown.</summary>
    private static CsvFileReport LoadReadableFile(string path, MarketValidationRules rules)
    {
        try
        {
            return LoadFile(path, rules);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var issue = new ValidationIssue(ValidationSeverity.Error, Path.GetFileName(path), null, null, $"cannot read the file: {ex.Message}");
            return new CsvFileReport(Path.GetFileName(path), Path.GetFileNameWithoutExtension(path).ToUpperInvariant(), null, null, [issue]);
        }
    }

    /// <summary>Loads and validates one file; the symbol is the file name without extension.</summary>
    public static CsvFileReport LoadFile(string path, MarketValidationRules? rules = null)
    {
        rules ??= MarketValidationRules.Default;
        var file = Path.GetFileName(path);
        var symbol = Path.GetFileNameWithoutExtension(path).ToUpperInvariant();
        var issues = new List<ValidationIssue>();
        void Error(int? line, DateOnly? date, string message) => issues.Add(new ValidationIssue(ValidationSeverity.Error, file, line, date, message));

        using var reader = new StreamReader(path);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!parser.Read())
        {
            Error(1, null, "empty file: no header");
            return new CsvFileReport(file, symbol, null, null, issues);
        }
        var layout = DetectLayout(parser.Record!, out var missing);
        if (layout is null)
        {
            Error(1, null, missing);
            return new CsvFileReport(file, symbol, null, null, issues);
        }

        int capacity = 4096;
        var dates = new List<DateOnly>(capacity);
        var lines = new List<int>(capacity);
        var open = new List<double>(capacity); var high = new List<double>(capacity); var low = new List<double>(capacity);
        var close = new List<double>(capacity); var volume = new List<double>(capacity); var factor = new List<double>(capacity);
        int width = new[] { layout.Date, layout.Open, layout.High, layout.Low, layout.Close, layout.Volume, layout.Adjusted }.Max() + 1;
        while (parser.Read())
        {
            int line = parser.RawRow;
            var record = parser.Record!;
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0])) continue; // blank line
            if (record.Length < width)
            {
                Error(line, null, $"expected at least {width} fields, found {record.Length}");
                continue;
            }
            if (!TryDate(record[layout.Date], out var date))
            {
                Error(line, null, $"cannot read the date '{PrintableText.Escape(record[layout.Date])}' (expected yyyy-MM-dd)");
                continue;
            }
            bool ok = TryNumber(file, record[layout.Open], "open", line, date, issues, out var o)
                    & TryNumber(file, record[layout.High], "high", line, date, issues, out var h)
                    & TryNumber(file, record[layout.Low], "low", line, date, issues, out var l)
                    & TryNumber(file, record[layout.Close], "close", line, date, issues, out var c)
                    & TryNumber(file, record[layout.Volume], "volume", line, date, issues, out var v);
            double adjusted = c;
            if (layout.Adjusted >= 0) ok &= TryNumber(file, record[layout.Adjusted], "adjusted close", line, date, issues, out adjusted);
            if (!ok) continue;
            dates.Add(date); lines.Add(line);
            open.Add(o); high.Add(h); low.Add(l); close.Add(c); volume.Add(v);
            factor.Add(c > 0 ? adjusted / c : double.NaN);
        }

        // A file listed newest-first is reversed; otherwise every step must go forward in time.
        if (dates.Count > 1 && IsStrictlyDescending(dates))
            foreach (var list in new System.Collections.IList[] { dates, lines, open, high, low, close, volume, factor })
                ReverseList(list);
        CheckRows(file, rules, dates, lines, open, high, low, close, volume, factor, issues);
        if (dates.Count == 0 && issues.Count == 0) Error(null, null, "no data rows");

        PriceSeries? series = null;
        if (!issues.Any(i => i.Severity == ValidationSeverity.Error))
        {
            int n = dates.Count;
            var f = factor.ToArray();
            var ao = new double[n]; var ah = new double[n]; var al = new double[n]; var ac = new double[n];
            for (int i = 0; i < n; i++)
            {
                ao[i] = open[i] * f[i]; ah[i] = high[i] * f[i]; al[i] = low[i] * f[i]; ac[i] = close[i] * f[i];
            }
            series = new PriceSeries(symbol, dates.ToArray(), ao, ah, al, ac, volume.ToArray(), f);
            CheckAdjustedMoves(file, rules, series, lines, issues);
        }
        return new CsvFileReport(file, symbol, layout.Format, series, issues);
    }

    private static void CheckRows(string file, MarketValidationRules rules, List<DateOnly> dates, List<int> lines,
        List<double> open, List<double> high, List<double> low, List<double> close, List<double> volume, List<double> factor,
        List<ValidationIssue> issues)
    {
        void Add(ValidationSeverity s, int i, string m) => issues.Add(new ValidationIssue(s, file, lines[i], dates[i], m));
        for (int i = 0; i < dates.Count; i++)
        {
            if (open[i] <= 0 || high[i] <= 0 || low[i] <= 0 || close[i] <= 0)
                Add(ValidationSeverity.Error, i, Invariant($"non-positive price (open {open[i]}, high {high[i]}, low {low[i]}, close {close[i]})"));
            else
            {
                if (high[i] < low[i]) Add(ValidationSeverity.Error, i, Invariant($"high {high[i]} is below low {low[i]}"));
                double tol = rules.PriceTolerance;
                if (open[i] > high[i] * (1 + tol) || open[i] < low[i] * (1 - tol))
                    Add(ValidationSeverity.Error, i, Invariant($"open {open[i]} is outside [low {low[i]}, high {high[i]}]"));
                if (close[i] > high[i] * (1 + tol) || close[i] < low[i] * (1 - tol))
                    Add(ValidationSeverity.Error, i, Invariant($"close {close[i]} is outside [low {low[i]}, high {high[i]}]"));
            }
            if (!(factor[i] > 0) || !double.IsFinite(factor[i]))
                Add(ValidationSeverity.Error, i, "adjusted close is not positive");
            if (volume[i] < 0) Add(ValidationSeverity.Error, i, Invariant($"negative volume {volume[i]}"));
            else if (volume[i] == 0) Add(ValidationSeverity.Warning, i, "zero volume");
            if (i > 0)
            {
                if (dates[i] == dates[i - 1]) Add(ValidationSeverity.Error, i, $"duplicate date (also on line {lines[i - 1]})");
                else if (dates[i] < dates[i - 1]) Add(ValidationSeverity.Error, i, Invariant($"dates out of order: follows {dates[i - 1]:yyyy-MM-dd} (line {lines[i - 1]})"));
                else if (dates[i].DayNumber - dates[i - 1].DayNumber > rules.MaxCalendarGapDays)
                    Add(ValidationSeverity.Warning, i, Invariant($"gap of {dates[i].DayNumber - dates[i - 1].DayNumber} calendar days since {dates[i - 1]:yyyy-MM-dd}"));
            }
        }
    }

    private static void CheckAdjustedMoves(string file, MarketValidationRules rules, PriceSeries s, List<int> lines, List<ValidationIssue> issues)
    {
        for (int i = 1; i < s.Count; i++)
        {
            double move = s.Close[i] / s.Close[i - 1] - 1;
            if (Math.Abs(move) > rules.MaxDailyMove)
                issues.Add(new ValidationIssue(ValidationSeverity.Warning, file, lines[i], s.Dates[i],
                    Invariant($"adjusted close moved {move:+0.0%;-0.0%} in one day")));
        }
    }

    private static Layout? DetectLayout(string[] header, out string problem)
    {
        var names = header.Select(h => new string(h.Trim().ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray())).ToArray();
        int Find(params string[] candidates) => Array.FindIndex(names, n => candidates.Contains(n));
        int date = Find("timestamp", "date"), open = Find("open"), high = Find("high"), low = Find("low"), close = Find("close"), volume = Find("volume");
        int adjusted = Find("adjustedclose", "adjclose");
        var format = names.Contains("adjustedclose") ? CsvFormat.AlphaVantage : names.Contains("adjclose") ? CsvFormat.Yahoo : CsvFormat.Plain;
        var missing = new List<string>();
        if (date < 0) missing.Add(format == CsvFormat.AlphaVantage ? "timestamp" : "date");
        if (open < 0) missing.Add("open");
        if (high < 0) missing.Add("high");
        if (low < 0) missing.Add("low");
        if (close < 0) missing.Add("close");
        if (volume < 0) missing.Add("volume");
        if (missing.Count > 0)
        {
            problem = $"missing column(s) {string.Join(", ", missing)}; header is '{PrintableText.Escape(string.Join(",", header))}'. Expected AlphaVantage (timestamp,open,high,low,close,adjusted_close,volume,...), Yahoo (Date,Open,High,Low,Close,Adj Close,Volume) or plain (date,open,high,low,close,volume)";
            return null;
        }
        problem = "";
        return new Layout(format, date, open, high, low, close, volume, adjusted);
    }

    private static bool TryDate(string text, out DateOnly date)
    {
        date = default;
        var trimmed = text.AsSpan().Trim();
        return !trimmed.ContainsAnyInRange('\0', '\u001f') && (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(trimmed, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date));
    }

    private static bool TryNumber(string file, string text, string field, int line, DateOnly date, List<ValidationIssue> issues, out double value)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            issues.Add(new ValidationIssue(ValidationSeverity.Error, file, line, date, $"{field} is empty"));
            value = double.NaN;
            return false;
        }
        // .NET's parser ignores trailing NULs ("1\0\0" reads as 1): a field with control characters is not a number.
        if (span.ContainsAnyInRange('\0', '\u001f') || !double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            issues.Add(new ValidationIssue(ValidationSeverity.Error, file, line, date, $"{field} '{PrintableText.Escape(text)}' is not a finite number"));
            value = double.NaN;
            return false;
        }
        return true;
    }

    private static bool IsStrictlyDescending(List<DateOnly> dates)
    {
        for (int i = 1; i < dates.Count; i++)
            if (dates[i] >= dates[i - 1]) return false;
        return true;
    }

    private static void ReverseList(System.Collections.IList list)
    {
        for (int i = 0, j = list.Count - 1; i < j; i++, j--)
            (list[i], list[j]) = (list[j], list[i]);
    }
}
