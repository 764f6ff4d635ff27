using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using StockAgent.Experience;
using StockAgent.Pipeline;
using StockAgent.Tests.Support;
using StockAgent.Training;

namespace StockAgent.Tests.Pipeline;

/// <summary>SIGKILL a real `stockagent continuous-training` child at several points, rerun the same command, and find
/// the run carried on to its confirmation with the state and the library consistent (no committed batch lost), and a
/// GRPO session killed after a checkpoint carried on from that checkpoint, not from its first iteration.</summary>
public class PipelineKillTests
{
    private const int Iterations = 3;

    private static readonly string[] Command =
        ["continuous-training", "--quick", "--batch-size", "200", "--iterations-per-session", $"{Iterations}", "--max-sessions", "3", "--target-trajectories", "100000"];

    private static Process Start(string run, ConcurrentQueue<string>? output = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = run };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StockAgent.Cli.dll"));
        foreach (var a in Command) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--run");
        psi.ArgumentList.Add(Path.Combine(run, "ct"));
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) output?.Enqueue(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) output?.Enqueue(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Waits until the child's saved state satisfies <paramref name="when"/>, then kills it (SIGKILL), and
    /// returns the state it was killed at.</summary>
    private static PipelineState KillWhen(string run, Func<PipelineState, bool> when)
    {
        using var p = Start(run);
        var clock = Stopwatch.StartNew();
        PipelineState? seen = null;
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            PipelineState? state = null;
            try { state = PipelineState.TryLoad(Path.Combine(run, "ct")); } catch (IOException) { } // being replaced: read it next time
            if (state is not null && when(state)) { seen = state; break; }
            Thread.Sleep(25);
        }
        Assert.False(p.HasExited, "the pipeline ended before the kill point");
        p.Kill(entireProcessTree: true);
        p.WaitForExit();
        return seen!;
    }

    private static bool HasCheckpoint(ActiveTraining? session) =>
        session is { Algorithm: "grpo", RunFolder: { } folder } && File.Exists(Path.Combine(folder, "models", "checkpoint_0001", ResumeState.FileName));

    [Fact]
    public void KilledWhileCollectingAndWhileTraining_RerunCarriesOnToTheConfirmation()
    {
        using var dir = new TempFolder();
        KillWhen(dir.Path, s => s.Status == PipelineStatus.Collecting && s.Batches == 1);
        KillWhen(dir.Path, s => s.Status == PipelineStatus.Training && s.Sessions == 1); // as session 2 starts: it runs again from the start
        KillWhen(dir.Path, s => s.Status == PipelineStatus.Collecting && s.Sessions == 2 && s.Batches >= 5);
        var killed = KillWhen(dir.Path, s => HasCheckpoint(s.ActiveTraining)).ActiveTraining!; // session 3, after a checkpoint
        Assert.Equal(3, killed.Session);

        var output = new ConcurrentQueue<string>();
        using var last = Start(dir.Path, output);
        Assert.True(last.WaitForExit(TimeSpan.FromMinutes(4)), "the resumed pipeline did not finish");
        last.WaitForExit(); // the output's end
        Assert.True(last.ExitCode == 0, string.Join("\n", output));

        var state = PipelineState.TryLoad(Path.Combine(dir.Path, "ct"))!;
        Assert.Equal(PipelineStatus.Done, state.Status);
        Assert.Equal(3, state.Sessions);
        Assert.Equal(3, state.History.Count(h => h.Kind == "train"));
        Assert.Null(state.ActiveTraining);
        Assert.NotNull(state.Confirmation);
        Assert.True(File.Exists(state.Confirmation!) || File.Exists(Path.Combine(dir.Path, state.Confirmation!)));
        using var library = ExperienceLibrary.Open(Path.Combine(dir.Path, "ct", ContinuousPipeline.LibraryFile), readOnly: true);
        var batches = library.Batches();
        Assert.Equal(batches.Count, state.LibraryBatches);
        Assert.Equal(batches.Count(b => !b.PolicyVersion.Contains("+it")), state.Batches); // every committed batch counted once
        Assert.Equal(library.Stats().Trajectories, state.Trajectories);
        Assert.Equal(state.Batches, state.History.Count(h => h.Kind == "collect"));

        // The killed session carried on from the newest checkpoint it had written before its last iteration (a kill
        // lands at any moment after the first, so that is the first or a later one), in a new run folder that starts
        // at the next iteration.
        int newest = Directory.GetDirectories(Path.Combine(killed.RunFolder!, "models"), "checkpoint_*")
            .Select(d => ResumeState.TryLoad(d)?.Iteration ?? 0).Where(i => i < Iterations).Max();
        Assert.InRange(newest, 1, Iterations - 1);
        var checkpoint = Path.Combine(killed.RunFolder!, "models", $"checkpoint_{newest:0000}");
        var resumed = Directory.GetDirectories(Path.Combine(dir.Path, "ct", ContinuousPipeline.TrainingFolder))
            .Single(d => File.Exists(Path.Combine(d, "resumed_from.txt")));
        Assert.Equal([checkpoint, $"iteration {newest}"], File.ReadAllLines(Path.Combine(resumed, "resumed_from.txt")));
        using (var first = JsonDocument.Parse(File.ReadLines(Path.Combine(resumed, "metrics.jsonl")).First()))
            Assert.Equal(newest + 1, first.RootElement.GetProperty("step").GetInt32());
        Assert.Contains(state.History, h => h.Kind == "train" && h.Detail.StartsWith("session 3 (grpo,") && h.Detail.Contains($"resumed after iteration {newest}"));
        Assert.Contains(output, l => l.Contains("session 3 (grpo) was interrupted: resuming it from " + checkpoint));
    }
}
