using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using StockAgent.Market;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent data validate DIR`: loads every CSV, prints a summary per file; exit 1 on any error (of a file
/// or of the folder, such as an unreadable universe.csv). Text from the files is quoted with unprintable characters escaped.</summary>
public static class DataValidateCommand
{
    private const int IssuesShownPerFile = 5;

    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "Folder of daily CSVs (and optionally universe.csv and a daily/ subfolder)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("validate", "Check a folder of daily-bar CSVs: format, prices, dates, gaps, extreme moves.");
        command.Arguments.Add(dir);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var folder = parse.GetValue(dir)!;
            var result = MarketCsvLoader.LoadFolder(folder);
            if (parse.GetValue(json)) WriteJson(o, result);
            else WriteText(o, result);
            return result.Errors > 0 ? 1 : 0;
        });
        return command;
    }

    private static void WriteText(TextWriter o, MarketLoadResult result)
    {
        foreach (var issue in result.FolderIssues) o.WriteLine(issue);
        o.WriteLine($"{"file",-14} {"format",-12} {"bars",6}  {"first",-10}  {"last",-10} {"errors",6} {"warnings",8}");
        foreach (var f in result.Files)
        {
            var first = f.Series is { Count: > 0 } s ? s.Dates[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
            var last = f.Series is { Count: > 0 } s2 ? s2.Dates[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
            o.WriteLine($"{f.File,-14} {f.Format?.ToString() ?? "?",-12} {f.Bars,6}  {first,-10}  {last,-10} {f.Errors,6} {f.Warnings,8}");
            foreach (var issue in f.Issues.OrderBy(i => i.Severity).Take(IssuesShownPerFile))
                o.WriteLine($"    {issue}");
            if (f.Issues.Count > IssuesShownPerFile) o.WriteLine($"    ... and {f.Issues.Count - IssuesShownPerFile} more");
        }
        o.WriteLine($"{result.Files.Count} files, {result.Errors} errors, {result.Warnings} warnings");
    }

    private static void WriteJson(TextWriter o, MarketLoadResult result)
    {
        var report = new
        {
            files = result.Files.Select(f => new
            {
                file = f.File,
                symbol = f.Symbol,
                format = f.Format?.ToString(),
                bars = f.Bars,
                first = f.Series is { Count: > 0 } s ? s.Dates[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                last = f.Series is { Count: > 0 } s2 ? s2.Dates[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                errors = f.Errors,
                warnings = f.Warnings,
                issues = f.Issues.Select(IssueJson),
            }),
            folder_issues = result.FolderIssues.Select(IssueJson),
            total_files = result.Files.Count,
            total_errors = result.Errors,
            total_warnings = result.Warnings,
        };
        o.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static object IssueJson(ValidationIssue i) => new
    {
        severity = i.Severity.ToString().ToLowerInvariant(),
        file = i.File,
        line = i.Line,
        date = i.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        message = i.Message,
    };
}
