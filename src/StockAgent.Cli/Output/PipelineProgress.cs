using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Spectre.Console;
using Spectre.Console.Rendering;
using StockAgent.Pipeline;

namespace StockAgent.Cli;

/// <summary>
/// The continuous pipeline's display on an interactive terminal: Spectre.Console progress bars for the phase (what
/// the pipeline is doing), the trajectories toward the goal and the sessions toward the budget, with the pipeline's
/// log lines written above them. Spectre's live displays are not thread-safe, so one thread owns the console: the
/// pipeline runs on a worker thread and only posts its log lines and states into a channel (<see cref="Log"/>,
/// <see cref="Show"/>, safe from any thread, the Ctrl+C handler's included); the thread that calls <see cref="Run"/>
/// drains the channel, updates the bars and writes the lines through the progress context's console, and refreshes
/// by itself (no refresh thread). When the pipeline ends, so does the display; its exception is rethrown there.
/// </summary>
public sealed class PipelineProgress(IAnsiConsole console, PipelineGoals goals, int maxSessions)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(200);

    private readonly Channel<Event> _events = Channel.CreateUnbounded<Event>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PipelineStepLines _steps = new();

    private sealed record Event(string? Line, PipelineState? State);

    /// <summary>Posts a log line (any thread).</summary>
    public void Log(string line) => _events.Writer.TryWrite(new Event(line, null));

    /// <summary>Posts the pipeline's state after a save (any thread).</summary>
    public void Show(PipelineState state) => _events.Writer.TryWrite(new Event(null, state));

    /// <summary>Runs <paramref name="pipeline"/> on a worker thread and shows its progress until it returns; returns its
    /// result or rethrows its exception. <paramref name="stop"/> is cancelled if the display itself fails, so that the
    /// pipeline stops after its current step before the failure is reported.</summary>
    public PipelineState Run(Func<PipelineState> pipeline, CancellationTokenSource stop)
    {
        PipelineState? result = null;
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            try { result = pipeline(); }
            catch (Exception ex) { failure = ExceptionDispatchInfo.Capture(ex); }
            finally { _events.Writer.TryComplete(); }
        }) { Name = "pipeline", IsBackground = true };
        worker.Start();
        try
        {
            console.Progress()
                .AutoRefresh(false).AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentOfKnownColumn(), new SpinnerColumn())
                .Start(Render);
        }
        catch
        {
            stop.Cancel();
            worker.Join();
            throw;
        }
        worker.Join();
        failure?.Throw();
        return result!;
    }

    private void Render(ProgressContext ctx)
    {
        var phase = ctx.AddTask("starting", maxValue: 1);
        phase.IsIndeterminate = true;
        var trajectories = ctx.AddTask(TrajectoriesLabel(0), maxValue: goals.Trajectories);
        var sessions = ctx.AddTask(SessionsLabel(0), maxValue: maxSessions);
        var reader = _events.Reader;
        PipelineState? last = null;
        while (true)
        {
            while (reader.TryRead(out var e))
            {
                if (e.Line is { } line) WriteLine(line);
                if (e.State is not { } state) continue;
                last = state;
                foreach (var step in _steps.New(state)) WriteLine(step);
                phase.Description = Phase(state, maxSessions);
                trajectories.Value = Math.Min(state.Trajectories, goals.Trajectories);
                trajectories.Description = TrajectoriesLabel(state.Trajectories);
                sessions.Value = Math.Min(state.Sessions, maxSessions);
                sessions.Description = SessionsLabel(state.Sessions);
            }
            if (reader.Completion.IsCompleted) break;
            ctx.Refresh();
            reader.WaitToReadAsync().AsTask().Wait(RefreshEvery);
        }
        phase.IsIndeterminate = false;
        phase.Value = phase.MaxValue;
        if (last is not null) phase.Description = last.Status;
        foreach (var task in new[] { phase, trajectories, sessions }) task.StopTask();
        ctx.Refresh();
    }

    /// <summary>A line above the bars, padded to the console's width: Spectre does not clear the live area's top row
    /// before it writes there, so a line shorter than that row (or a wrapped line's last part) would leave the rest of
    /// the row visible.</summary>
    private void WriteLine(string line) => console.Write(new Padder(new Text(line), new Padding(0, 0)) { Expand = true });

    /// <summary>The percentage of a task whose end is known; nothing for the phase while it runs.</summary>
    private sealed class PercentOfKnownColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            task.IsIndeterminate ? Text.Empty : new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Percentage,3:F0}%"));
    }

    private string TrajectoriesLabel(long n) => string.Create(CultureInfo.InvariantCulture, $"trajectories {n:N0} / {goals.Trajectories:N0}");

    private string SessionsLabel(int n) => string.Create(CultureInfo.InvariantCulture, $"sessions {n} / {maxSessions}");

    /// <summary>What the pipeline is doing, from the state it saved as the step began.</summary>
    private static string Phase(PipelineState state, int maxSessions) => state.Status switch
    {
        PipelineStatus.Collecting => $"collecting batch {state.Batches + 1}",
        PipelineStatus.Training => $"training session {state.Sessions + 1} of {maxSessions}{(state.ActiveTraining is { } a ? $" ({a.Algorithm})" : "")}",
        PipelineStatus.Evaluating => "validating the best model",
        PipelineStatus.Confirming => "confirming on the test sets",
        _ => state.Status,
    };
}
