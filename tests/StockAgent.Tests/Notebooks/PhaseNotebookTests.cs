using System.Text.Json.Nodes;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Notebooks;

/// <summary>Runs the research notebooks end to end with the headless runner, on the synthetic market.</summary>
public class PhaseNotebookTests
{
    /// <summary>Runs notebooks/<paramref name="name"/>.ipynb headless with STOCKAGENT_OUT = <paramref name="dir"/>;
    /// returns what it printed and the HTML of every output.</summary>
    private static (string Stdout, string Html) Run(string name, TempFolder dir)
    {
        var notebook = Path.Combine(RepoPaths.Root, "notebooks", name + ".ipynb");
        var executed = dir.Combine(name + "-executed.ipynb");
        var run = ProcessRunner.RunDll("StockAgent.Notebooks.dll", ["run", notebook, "--out", executed],
            environment: new Dictionary<string, string> { ["STOCKAGENT_OUT"] = dir.Path });
        Assert.True(run.ExitCode == 0, run.Stderr);
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
        var html = string.Join("", cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!["data"]?["text/html"]?.GetValue<string>() ?? ""));
        return (run.Stdout, html);
    }

    [Fact]
    public void DataCollectionNotebook_RunsAndShowsCoverage()
    {
        using var dir = new TempFolder();
        var (stdout, html) = Run("01-data-collection", dir);

        Assert.Contains("1000 trajectories collected and stored", stdout);
        Assert.True(File.Exists(dir.Combine("phase1-notebook.db")));
        Assert.Contains("Trajectories per regime", html);
        Assert.Contains("bull-high-vol", html);
    }

    [Fact]
    public void TrainingNotebook_RunsSftAndGrpoAndCharts()
    {
        using var dir = new TempFolder();
        var (stdout, html) = Run("02-training", dir);

        Assert.Contains("6 GRPO iterations: reward", stdout);
        Assert.Contains("validation Sharpe: SFT", stdout);
        Assert.True(File.Exists(Path.Combine(dir.Path, "phase2-notebook-model", "model.json")));
        Assert.Contains("GRPO: mean episode reward per iteration", html);
        Assert.Contains("Validation Sharpe", html);
    }
}
