using System.Text.RegularExpressions;
using Spectre.Console;
using StockAgent.Cli;
using StockAgent.Pipeline;

namespace StockAgent.Tests.Pipeline;

/// <summary>The terminal display of `continuous-training` on an in-memory ANSI console: the pipeline runs on a worker
/// thread and posts into a channel, one thread writes to the console, every line arrives once, a failure of the
/// pipeline comes back to the caller.</summary>
public class PipelineProgressTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static (IAnsiConsole Console, StringWriter Text) Terminal()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 100;
        return (console, text);
    }

    private static PipelineState State(string status, int steps, long trajectories = 0, int sessions = 0) => new()
    {
        Goals = new PipelineGoals(1_000, 1.5, 0.55), Status = status, Trajectories = trajectories, Sessions = sessions,
        History = Enumerable.Range(1, steps).Select(k => new PipelineStep(T0.AddMinutes(k), "collect", $"batch {k}", 100 * k, 0.5)).ToList(),
    };

    [Fact]
    public void Run_ShowsLinesPostedFromAnyThreadOnce_AndTheBars_AndReturnsTheResult()
    {
        var (console, text) = Terminal();
        var display = new PipelineProgress(console, new PipelineGoals(1_000, 1.5, 0.55), maxSessions: 4);
        var final = State(PipelineStatus.Done, 3, 300, 1);
        var result = display.Run(() =>
        {
            display.Show(State(PipelineStatus.Collecting, 0));
            var other = new Thread(() => { for (int i = 0; i < 200; i++) display.Log($"other thread {i}"); });
            other.Start();
            for (int i = 0; i < 200; i++) display.Log($"worker {i}");
            display.Show(State(PipelineStatus.Training, 2, 200));
            other.Join();
            display.Show(final);
            return final;
        }, new CancellationTokenSource());

        Assert.Same(final, result);
        string output = text.ToString();
        for (int i = 0; i < 200; i++)
        {
            Assert.Single(Regex.Matches(output, $@"worker {i}\s"));
            Assert.Single(Regex.Matches(output, $@"other thread {i}\s"));
        }
        foreach (var k in new[] { 1, 2, 3 })
            Assert.Single(Regex.Matches(output, $@"\[collect\] batch {k} \(0\.5 s; "));
        Assert.Contains("trajectories 300 / 1,000", output);
        Assert.Contains("sessions 1 / 4", output);
        Assert.Contains("━", output);
        Assert.True(output.IndexOf("[collect] batch 1 (", StringComparison.Ordinal) < output.IndexOf("[collect] batch 3 (", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_RethrowsThePipelinesFailure_AfterTheDisplayEnded()
    {
        var (console, text) = Terminal();
        var display = new PipelineProgress(console, new PipelineGoals(), maxSessions: 2);
        var e = Assert.Throws<InvalidDataException>(() => display.Run(() =>
        {
            display.Log("about to fail");
            throw new InvalidDataException("the library is unwritable");
        }, new CancellationTokenSource()));
        Assert.Equal("the library is unwritable", e.Message);
        Assert.Contains("about to fail", text.ToString());
    }

    [Fact]
    public void StepLines_ShowEachNewStepOnce_NotTheHistoryOfAResumedRun()
    {
        var lines = new PipelineStepLines();
        Assert.Empty(lines.New(State(PipelineStatus.Collecting, 2)));   // a resumed run's earlier steps
        Assert.Empty(lines.New(State(PipelineStatus.Collecting, 2)));
        var state = State(PipelineStatus.Collecting, 2) with
        {
            History = [.. State(PipelineStatus.Collecting, 2).History, new PipelineStep(T0, "evaluate", "same", 200, 1), new PipelineStep(T0, "evaluate", "same", 200, 1)],
            Trajectories = 200, Sessions = 1,
        };
        Assert.Equal(["[evaluate] same (1.0 s; 200 trajectories, 1 sessions)", "[evaluate] same (1.0 s; 200 trajectories, 1 sessions)"], lines.New(state));
        Assert.Empty(lines.New(state));
    }
}
