using System.Text.Json.Nodes;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Notebooks;

/// <summary>The headless runner on the real .NET Interactive C# kernel: state, outputs, failures, packages.</summary>
public class NotebookRunnerTests
{
    /// <summary>Writes a notebook of <paramref name="sources"/> into <paramref name="dir"/>, runs it, reads the executed copy.</summary>
    private static (ProcessRunner.Result Run, JsonArray Cells) RunCells(TempFolder dir, params string[] sources)
    {
        var executed = dir.Combine("executed.ipynb");
        var run = NotebookRun.Run(NotebookRun.Write(dir.Path, sources), executed);
        return (run, NotebookRun.Cells(executed));
    }

    [Fact]
    public void Run_CellsShareStateAndOutputs_WritesThemIntoTheExecutedCopy()
    {
        using var dir = new TempFolder();

        var (run, cells) = RunCells(dir,
            "# A title",
            "var answer = 6 * 7;",
            "display(answer); Console.WriteLine(\"to stdout\"); answer + 1",
            "System.IO.File.WriteAllText(\"written.txt\", \"ok\"); $\"folder {System.IO.Path.GetFileName(Environment.CurrentDirectory)}\"");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("to stdout", run.Stdout);
        Assert.True(File.Exists(dir.Combine("written.txt")), "cells run with the notebook's folder as working directory");
        var third = NotebookRun.Outputs(cells, 3).Select(o => o!.ToJsonString()).ToList();
        Assert.Equal(3, third.Count);
        Assert.Contains("\"display_data\"", third[0]);
        Assert.Contains("42", third[0]);
        Assert.Contains("\"stream\"", third[1]);
        Assert.Contains("\"execute_result\"", third[2]);
        Assert.Contains("43", third[2]);
        Assert.Contains($"folder {Path.GetFileName(dir.Path)}", NotebookRun.Outputs(cells, 4).ToJsonString());
        Assert.Empty(NotebookRun.Errors(cells));
    }

    [Fact]
    public void Run_PlantedFailingCell_StopsThereNamingNotebookCellAndMessage()
    {
        using var dir = new TempFolder();

        var (run, cells) = RunCells(dir,
            "var a = 1;",
            "# Between",
            "throw new InvalidOperationException(\"planted failure\");",
            "display(\"never shown\");");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("test.ipynb", run.Stderr);
        Assert.Contains("cell 3", run.Stderr);
        Assert.Contains("planted failure", run.Stderr);
        Assert.DoesNotContain("never shown", run.Stdout);
        Assert.Contains("planted failure", Assert.Single(NotebookRun.Errors(cells)).ToJsonString());
        Assert.Empty(NotebookRun.Outputs(cells, 4));
    }

    [Fact]
    public void Run_NotebookThatForgetsAUsing_FailsAsInVsCode()
    {
        // Notebook 01 as committed, without its `using System.IO;`: the kernel imports only System, System.Text,
        // System.Collections(.Generic), System.Linq and System.Threading.Tasks, so its settings cell cannot see Path.
        var original = File.ReadAllText(Path.Combine(RepoPaths.Root, "notebooks", "01-data-collection.ipynb"));
        var notebook = JsonNode.Parse(original)!;
        var setup = notebook["cells"]![1]!;
        var source = NotebookRun.Text(setup["source"]);
        Assert.Contains("using System.IO;\n", source);
        setup["source"] = source.Replace("using System.IO;\n", "")
            .Replace("#load \"setup.csx\"", $"#load \"{Path.Combine(RepoPaths.Root, "notebooks", "setup.csx")}\"");
        using var dir = new TempFolder();
        var path = dir.File("forgets-a-using.ipynb", notebook.ToJsonString());

        var run = NotebookRun.Run(path, environment: new Dictionary<string, string> { ["STOCKAGENT_OUT"] = dir.Path });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("forgets-a-using.ipynb: cell 4", run.Stderr);
        Assert.Contains("error CS0103: The name 'Path' does not exist in the current context", run.Stderr);
    }

    [Fact]
    public void Run_NugetPackageWithKernelExtension_LoadsItAndRendersChartsAsHtml()
    {
        using var dir = new TempFolder();

        var (run, cells) = RunCells(dir,
            "#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"",
            "Plotly.NET.CSharp.Chart.Line<int, double, string>(x: new[] { 1, 2, 3 }, y: new[] { 1.0, 4.0, 9.0 })");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("FormatterKernelExtension", NotebookRun.Outputs(cells, 1).ToJsonString());
        Assert.Contains("Plotly.newPlot", NotebookRun.Text(NotebookRun.Outputs(cells, 2).Single()!["data"]!["text/html"]));
    }

    [Fact]
    public void Run_MissingNotebook_ExitsTwoNamingIt()
    {
        using var dir = new TempFolder();
        var missing = dir.Combine("missing.ipynb");

        var run = NotebookRun.Run(missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: notebook '{missing}' does not exist", run.Stderr);
    }
}
