using System.Text.Json;
using StockAgent.Evaluation;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Cli;

public class RobustnessCommandTests
{
    [Fact]
    public void Robustness_SyntheticDefault_Baseline_TablesJsonCsvAndRegistry()
    {
        using var dir = new TempFolder();
        var registry = dir.Combine("experiments.db");
        var run = CliRunner.Run("robustness", "--model", "sma-crossover", "--bootstrap", "200", "--registry", registry, "--out", dir.Combine("out"));
        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var text in new[] { "== crisis", "== shock", "== position size", "== stop loss", "== costs", "== seeds", "not in the data", "costs x5 (25+25 bp)", "crash -30% over 10 days", "(the policy is deterministic" })
            Assert.Contains(text, run.Stdout);
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.Combine("out/robustness.json")));
        var root = doc.RootElement;
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        int recorded = root.GetProperty("recorded").GetInt32();
        Assert.Equal(rows.Count(r => r.GetProperty("sharpe").ValueKind == JsonValueKind.Number), recorded);
        Assert.Contains($"recorded {recorded} configurations in ", run.Stdout);
        using (var reg = ExperimentRegistry.Open(registry, readOnly: true)) Assert.Equal(recorded, reg.Trials().Count(t => t.Kind == "robustness"));
        Assert.Equal(0, root.GetProperty("seeds").GetProperty("sd_sharpe").GetDouble());
        var csv = File.ReadAllLines(dir.Combine("out/robustness.csv"));
        Assert.Equal(StockAgent.Experiments.RobustnessCsv.Header, csv[0]);
        Assert.Equal(rows.Count + 1, csv.Length);

        var json = CliRunner.Run("robustness", "--model", "sma-crossover", "--bootstrap", "200", "--json", "--seeds", "2");
        Assert.True(json.ExitCode == 0, json.Stderr);
        using var again = JsonDocument.Parse(json.Stdout);
        Assert.Equal("sma-crossover", again.RootElement.GetProperty("model").GetString());
        Assert.Equal(0, again.RootElement.GetProperty("recorded").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "--model", "no-such-model" }, "--model: 'no-such-model' is neither a baseline")]
    [InlineData(new string[0], "robustness needs --model SPEC")]
    [InlineData(new[] { "--model", "random", "--seeds", "1" }, "--seeds must be at least 2")]
    [InlineData(new[] { "--model", "random", "--bootstrap", "0" }, "--bootstrap must be at least 1")]
    public void BadInput_OneErrorLine_Exit2(string[] args, string expected)
    {
        var run = CliRunner.Run(["robustness", .. args]);
        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains(expected, lines[0]);
    }
}
