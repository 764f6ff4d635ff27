using System.Text.Json.Nodes;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Notebooks;

/// <summary>Runs the research notebooks end to end with the headless runner, on the synthetic market.</summary>
public class PhaseNotebookTests
{
    [Fact]
    public void DataCollectionNotebook_RunsAndShowsCoverage()
    {
        using var dir = new TempFolder();
        var notebook = Path.Combine(RepoPaths.Root, "notebooks", "01-data-collection.ipynb");
        var executed = dir.Combine("01-executed.ipynb");

        var run = ProcessRunner.RunDll("StockAgent.Notebooks.dll", ["run", notebook, "--out", executed],
            environment: new Dictionary<string, string> { ["STOCKAGENT_OUT"] = dir.Path });

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("1000 trajectories collected and stored", run.Stdout);
        Assert.True(File.Exists(dir.Combine("phase1-notebook.db")));
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
        var html = string.Join("", cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!["data"]?["text/html"]?.GetValue<string>() ?? ""));
        Assert.Contains("Trajectories per regime", html);
        Assert.Contains("bull-high-vol", html);
    }

    [Fact]
    public void TrainingNotebook_RunsSftAndGrpoAndCharts()
    {
        using var dir = new TempFolder();
        var notebook = Path.Combine(RepoPaths.Root, "notebooks", "02-training.ipynb");
        var executed = dir.Combine("02-executed.ipynb");

        var run = ProcessRunner.RunDll("StockAgent.Notebooks.dll", ["run", notebook, "--out", executed],
            environment: new Dictionary<string, string> { ["STOCKAGENT_OUT"] = dir.Path });

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("6 GRPO iterations: reward", run.Stdout);
        Assert.Contains("validation Sharpe: SFT", run.Stdout);
        Assert.True(File.Exists(Path.Combine(dir.Path, "phase2-notebook-model", "model.json")));
        var cells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
        var html = string.Join("", cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!["data"]?["text/html"]?.GetValue<string>() ?? ""));
        Assert.Contains("GRPO: mean episode reward per iteration", html);
        Assert.Contains("Validation Sharpe", html);
    }
}
