using System.Text.Json.Nodes;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Notebooks;

public class NotebookRunnerTests
{
    private static string WriteNotebook(string dir, params string[] cells)
    {
        var array = new JsonArray();
        foreach (var source in cells)
            array.Add(new JsonObject
            {
                ["cell_type"] = source.StartsWith("# ") ? "markdown" : "code",
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["source"] = source,
                ["outputs"] = new JsonArray(),
            });
        var nb = new JsonObject { ["cells"] = array, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 2 };
        var path = Path.Combine(dir, "test.ipynb");
        File.WriteAllText(path, nb.ToJsonString());
        return path;
    }

    [Fact]
    public void Run_CellsShareStateAndDisplay_WritesOutputsIntoExecutedCopy()
    {
        var dir = Directory.CreateTempSubdirectory("sa-nb-").FullName;
        var nb = WriteNotebook(dir,
            "# A title",
            "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\nusing StockAgent.Market;\nvar market = SyntheticMarket.Generate(new SyntheticMarketOptions { Symbols = 3, Sectors = 1, Years = 1 });",
            "display(market.Series.Count * 10);",
            "var chart = Plotly.NET.CSharp.Chart.Line<int, double, string>(x: new[] { 1, 2, 3 }, y: new[] { 1.0, 4.0, 9.0 });\nchart",
            "File.WriteAllText(\"written.txt\", \"ok\"); market.Source");
        var executed = Path.Combine(dir, "out.ipynb");

        var run = ProcessRunner.RunDll("StockAgent.Notebooks.dll", ["run", nb, "--out", executed]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("30", run.Stdout);
        Assert.True(File.Exists(Path.Combine(dir, "written.txt")), "cells run with the notebook's folder as working directory");
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
        Assert.Contains("30", cells[2]!["outputs"]!.ToJsonString());
        Assert.Contains("plotly", cells[3]!["outputs"]![0]!["data"]!["text/html"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("synthetic", cells[4]!["outputs"]!.ToJsonString());
    }

    [Fact]
    public void Run_CompileError_ExitsNonZeroNamingTheCell()
    {
        var dir = Directory.CreateTempSubdirectory("sa-nb-").FullName;
        var nb = WriteNotebook(dir, "var a = 1;", "var b = undefinedName + 1;", "display(\"never\");");

        var run = ProcessRunner.RunDll("StockAgent.Notebooks.dll", ["run", nb]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cell 1", run.Stderr);
        Assert.Contains("undefinedName", run.Stderr);
        Assert.DoesNotContain("never", run.Stdout);
    }

    [Fact]
    public void Run_UnknownPackage_FailsWithClearMessage()
    {
        var dir = Directory.CreateTempSubdirectory("sa-nb-").FullName;
        var nb = WriteNotebook(dir, "#r \"nuget: Not.A.Real.Package, 1.0.0\"\nvar a = 1;");

        var run = ProcessRunner.RunDll("StockAgent.Notebooks.dll", ["run", nb]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Not.A.Real.Package", run.Stderr);
        Assert.Contains("cannot download", run.Stderr);
    }
}
