using System.Text.Json;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Evaluation;

public class EvaluateCommandTests
{
    [Fact]
    public void EvaluateReturns_ReproducesTheDeflatedSharpePapersExample()
    {
        using var dir = new TempFolder();
        var path = dir.File("returns.csv", EvaluationSeries.ToCsv(EvaluationSeries.PapersExample()));
        // V = 0.5 per 250-day year = 0.504 per 252-day year (the kit's annualisation).
        var run = CliRunner.Run("evaluate", "--returns", path, "--trials", "100", "--trials-sharpe-variance", "0.504", "--bootstrap", "500", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal(0.9004, root.GetProperty("dsr").GetDouble(), 4);
        Assert.Equal(0.1132, root.GetProperty("deflation").GetProperty("expected_max_sharpe").GetDouble() / Math.Sqrt(252), 4);
        Assert.Equal(2.5 / Math.Sqrt(250), root.GetProperty("sharpe_per_period").GetDouble(), 12);
        Assert.Equal(1250, root.GetProperty("observations").GetInt32());
        Assert.Equal(500, root.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
    }

    [Fact]
    public void EvaluateReturns_Table_AndOutFolder()
    {
        using var dir = new TempFolder();
        var path = dir.File("returns.csv", EvaluationSeries.ToCsv(EvaluationSeries.WithBenchmark(9, 300)));
        var trades = dir.File("trades.csv", "pnl\n10\n-4\n6\n-2\n8\n");
        var run = CliRunner.Run("evaluate", "--returns", path, "--trades", trades, "--bootstrap", "300", "--seed", "3", "--out", dir.Combine("out"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var text in new[] { "sharpe", "95% low", "max drawdown", "win rate", "PSR (Sharpe > 0)", "DSR: - (give --trials", "Jobson-Korkie-Memmel", "Ledoit-Wolf bootstrap p", "exact binomial p", "Monte Carlo (300 bootstrapped equity paths)" })
            Assert.Contains(text, run.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Combine("out/evaluation.json")));
        Assert.Equal(0.6, doc.RootElement.GetProperty("win_rate").GetDouble(), 12);
        var csv = File.ReadAllLines(dir.Combine("out/evaluation.csv"));
        Assert.Equal("metric,value,ci95_low,ci95_high", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("sharpe,", StringComparison.Ordinal) && l.Split(',').Length == 4 && l.Split(',').All(f => f.Length > 0));
        Assert.Contains(csv, l => l.StartsWith("sharpe_difference_p_value,", StringComparison.Ordinal));

        // Same seed, same numbers.
        var again = CliRunner.Run("evaluate", "--returns", path, "--trades", trades, "--bootstrap", "300", "--seed", "3", "--json");
        Assert.Equal(File.ReadAllText(dir.Combine("out/evaluation.json")).Trim(), again.Stdout.Trim());
    }

    [Theory]
    [InlineData(new[] { "--returns", "{dir}/missing.csv" }, "does not exist")]
    [InlineData(new[] { "--returns", "{dir}/bad.csv" }, "bad.csv:3: return 'oops' is not a finite number")]
    [InlineData(new[] { "--returns", "{dir}/ok.csv", "--trades", "{dir}/bad.csv" }, "bad.csv:1: missing column 'pnl'")]
    [InlineData(new[] { "--returns", "{dir}/ok.csv", "--trials", "10" }, "--trials and --trials-sharpe-variance go together")]
    [InlineData(new[] { "--returns", "{dir}/ok.csv", "--trials", "1", "--trials-sharpe-variance", "0.5" }, "--trials must be at least 2")]
    [InlineData(new[] { "--returns", "{dir}/ok.csv", "--trials", "5", "--trials-sharpe-variance", "-1" }, "--trials-sharpe-variance must be a number >= 0")]
    [InlineData(new[] { "--returns", "{dir}/ok.csv", "--bootstrap", "0" }, "--bootstrap must be at least 1")]
    [InlineData(new string[0], "evaluate needs --models SPEC... (trained models and baselines) or --returns FILE.csv")]
    [InlineData(new[] { "--models", "sma-crossover", "--test-days", "1" }, "--test-days must be at least 2 (got 1)")]
    [InlineData(new[] { "--models", "sma-crossover", "--from", "2019-01-01", "--to", "2018-01-01" }, "--from (2019-01-01) is after --to (2018-01-01)")]
    [InlineData(new[] { "--models", "sma-crossover", "--commission-bps", "5000" }, "--commission-bps")]
    [InlineData(new[] { "--models", "sma-crossover", "--returns", "{dir}/ok.csv" }, "give either --models or --returns, not both")]
    public void BadInput_OneErrorLine_Exit2(string[] args, string expected)
    {
        using var dir = new TempFolder();
        dir.File("ok.csv", "date,return\n2020-01-02,0.01\n2020-01-03,-0.01\n2020-01-06,0.02\n2020-01-07,0.00\n");
        dir.File("bad.csv", "date,return\n2020-01-02,0.01\n2020-01-03,oops\n");
        var run = CliRunner.Run(["evaluate", .. args.Select(a => a.Replace("{dir}", dir.Path))]);
        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
        Assert.Equal("", run.Stdout);
    }
}
