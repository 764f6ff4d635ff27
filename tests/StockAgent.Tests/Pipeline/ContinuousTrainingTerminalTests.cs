using System.Diagnostics;
using System.Text;
using StockAgent.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>`stockagent continuous-training` under a real pseudo-terminal (util-linux <c>script</c>), where it shows
/// Spectre.Console progress bars: Ctrl+C (typed into the terminal) stops it cleanly after the current step, the rerun
/// resumes and finishes with its final lines, and neither hangs.</summary>
public class ContinuousTrainingTerminalTests
{
    private static readonly string[] Command =
        ["continuous-training", "--quick", "--batch-size", "100", "--max-sessions", "1"]; // two batches, SFT, the confirmation

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''") + "'";

    /// <summary>Starts the command under <c>script -qefc</c>: its own pseudo-terminal, whose input is our pipe (a ^C
    /// written there is the terminal's interrupt key), and the child's exit code as script's.</summary>
    private static Process StartUnderPty(string dir, StringBuilder output)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "StockAgent.Cli.dll");
        var command = "exec dotnet " + string.Join(' ', new[] { cli }.Concat(Command).Concat(["--run", Path.Combine(dir, "ct")]).Select(Quote));
        var psi = new ProcessStartInfo(ScriptFactAttribute.Script!)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir,
        };
        foreach (var a in new[] { "-qefc", command, "/dev/null" }) psi.ArgumentList.Add(a);
        psi.Environment["TERM"] = "xterm-256color"; // a terminal Spectre knows to speak ANSI to, wherever the tests run
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static void Finish(Process p, StringBuilder output, TimeSpan within)
    {
        if (!p.WaitForExit(within))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"not finished within {within} under a pseudo-terminal; it printed:\n{output}");
        }
        p.WaitForExit(); // the output's end
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}; it printed:\n{output}");
    }

    [ScriptFact]
    public void UnderAPty_CtrlCStopsAfterTheStep_RerunResumesAndFinishes_WithTheBars()
    {
        using var dir = new TempFolder();
        var run = Path.Combine(dir.Path, "ct");

        var first = new StringBuilder();
        using (var p = StartUnderPty(dir.Path, first))
        {
            var clock = Stopwatch.StartNew();
            while (!p.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
            {
                PipelineState? state = null;
                try { state = PipelineState.TryLoad(run); } catch (IOException) { } // being replaced: read it next time
                if (state is { Batches: >= 1 }) break;
                Thread.Sleep(50);
            }
            Assert.False(p.HasExited, $"it ended before the first batch; it printed:\n{first}");
            p.StandardInput.Write('\x03'); // Ctrl+C, as typed
            p.StandardInput.Flush();
            Finish(p, first, TimeSpan.FromMinutes(3));
        }
        var stopped = PipelineState.TryLoad(run)!;
        Assert.Equal(PipelineStatus.Stopped, stopped.Status);
        Assert.Contains("Ctrl+C: stopping after the current step", first.ToString());
        Assert.Contains("stopped by the user", first.ToString());

        var second = new StringBuilder();
        using (var p = StartUnderPty(dir.Path, second))
            Finish(p, second, TimeSpan.FromMinutes(5));
        string output = second.ToString();
        Assert.Contains("resuming " + run, output);
        Assert.Contains("session budget of 1 spent; goals NOT met on validation", output);
        Assert.Contains("test sets: " + Path.Combine(run, ContinuousPipeline.ConfirmationFolder, "evaluation.json"), output);
        Assert.Contains("state: " + PipelineState.PathIn(run), output);
        Assert.Contains("━", output);                    // the progress bars were drawn,
        Assert.Contains("sessions 1 / 1", output);       // with the sessions toward the budget
        Assert.Contains("\u001b[?25h", output);          // and the cursor shown again at the end
        var done = PipelineState.TryLoad(run)!;
        Assert.Equal(PipelineStatus.Done, done.Status);
        Assert.Equal(1, done.Sessions);
    }
}
