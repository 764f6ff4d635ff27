using System.Diagnostics;
using StockAgent.Experience;
using StockAgent.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>SIGKILL a real `stockagent continuous-training` child at several points, rerun the same command, and find
/// the run carried on to its confirmation with the state and the library consistent (no committed batch lost).</summary>
public class PipelineKillTests
{
    private static readonly string[] Command =
        ["continuous-training", "--quick", "--batch-size", "200", "--iterations-per-session", "3", "--max-sessions", "3", "--target-trajectories", "100000"];

    private static Process Start(string run)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = run };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "StockAgent.Cli.dll"));
        foreach (var a in Command) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add("--run");
        psi.ArgumentList.Add(Path.Combine(run, "ct"));
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Waits until the child's saved state satisfies <paramref name="when"/>, then kills it (SIGKILL).</summary>
    private static void KillWhen(string run, Func<PipelineState, bool> when)
    {
        using var p = Start(run);
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            PipelineState? state = null;
            try { state = PipelineState.TryLoad(Path.Combine(run, "ct")); } catch (IOException) { } // being replaced: read it next time
            if (state is not null && when(state)) break;
            Thread.Sleep(25);
        }
        Assert.False(p.HasExited, "the pipeline ended before the kill point");
        p.Kill(entireProcessTree: true);
        p.WaitForExit();
    }

    [Fact]
    public void KilledWhileCollectingAndWhileTraining_RerunCarriesOnToTheConfirmation()
    {
        using var dir = new TempFolder();
        KillWhen(dir.Path, s => s.Status == PipelineStatus.Collecting && s.Batches == 1);
        KillWhen(dir.Path, s => s.Status == PipelineStatus.Training && s.Sessions == 1);
        KillWhen(dir.Path, s => s.Status == PipelineStatus.Collecting && s.Sessions == 2 && s.Batches >= 5);

        using var last = Start(dir.Path);
        Assert.True(last.WaitForExit(TimeSpan.FromMinutes(4)), "the resumed pipeline did not finish");
        Assert.Equal(0, last.ExitCode);

        var state = PipelineState.TryLoad(Path.Combine(dir.Path, "ct"))!;
        Assert.Equal(PipelineStatus.Done, state.Status);
        Assert.Equal(3, state.Sessions);
        Assert.NotNull(state.Confirmation);
        Assert.True(File.Exists(state.Confirmation!) || File.Exists(Path.Combine(dir.Path, state.Confirmation!)));
        using var library = ExperienceLibrary.Open(Path.Combine(dir.Path, "ct", ContinuousPipeline.LibraryFile), readOnly: true);
        var batches = library.Batches();
        Assert.Equal(batches.Count, state.LibraryBatches);
        Assert.Equal(batches.Count(b => !b.PolicyVersion.Contains("+it")), state.Batches); // every committed batch counted once
        Assert.Equal(library.Stats().Trajectories, state.Trajectories);
        Assert.Equal(state.Batches, state.History.Count(h => h.Kind == "collect"));
    }
}
