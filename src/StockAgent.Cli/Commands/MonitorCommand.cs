using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using StockAgent.Pipeline;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent monitor`: shows a pipeline's state as it runs in another process (reads only). On a terminal a
/// live display refreshed every --refresh seconds; --once prints one frame and exits; --json prints the frame as JSON.</summary>
public static class MonitorCommand
{
    public static Command Create()
    {
        var d = new PipelineSettings();
        var run = new Option<string>("--run") { Description = "Run folder of the pipeline.", DefaultValueFactory = _ => d.RunDirectory };
        var trajectories = new Option<int?>("--target-trajectories") { Description = "Goal to show (default: the run's own)." };
        var sharpe = new Option<double?>("--target-sharpe") { Description = "Goal to show (default: the run's own)." };
        var winRate = new Option<double?>("--target-win-rate") { Description = "Goal to show (default: the run's own)." };
        var maxHours = new Option<double?>("--max-hours") { Description = "Time budget for the slow-progress alert." };
        var refresh = new Option<double>("--refresh") { Description = "Seconds between refreshes.", DefaultValueFactory = _ => 5 };
        var once = new Option<bool>("--once") { Description = "Print one frame and exit." };
        var json = new Option<bool>("--json") { Description = "Print the frame as JSON (with --once: one object; else one line per refresh)." };
        var command = new Command("monitor", "Show a continuous-training run's progress, goals and alerts (reads training_state.json, never writes).");
        foreach (var o in new Option[] { run, trajectories, sharpe, winRate, maxHours, refresh, once, json }) command.Options.Add(o);

        command.SetAction((parse, cancel) =>
        {
            var o = parse.InvocationConfiguration.Output;
            string dir = parse.GetValue(run)!;
            double seconds = parse.GetValue(refresh);
            if (!(seconds > 0)) throw new ArgumentException($"--refresh must be a positive number of seconds (got {seconds.ToString(CultureInfo.InvariantCulture)}).");
            MonitorFrame? Frame()
            {
                var state = PipelineState.TryLoad(dir);
                if (state is null) return null;
                var goals = new PipelineGoals(parse.GetValue(trajectories) ?? state.Goals.Trajectories, parse.GetValue(sharpe) ?? state.Goals.Sharpe,
                    parse.GetValue(winRate) ?? state.Goals.WinRate);
                return PipelineMonitor.Frame(dir, state, goals, parse.GetValue(maxHours));
            }
            bool asJson = parse.GetValue(json);
            if (parse.GetValue(once))
            {
                var frame = Frame() ?? throw new FileNotFoundException($"{PipelineState.PathIn(dir)} does not exist: no pipeline has run in {dir} yet (start one with stockagent continuous-training --run {dir}).");
                o.WriteLine(asJson ? JsonSerializer.Serialize(frame, PipelineState.Json) : Text(frame));
                return Task.FromResult(0);
            }
            bool live = !asJson && !Console.IsOutputRedirected && ReferenceEquals(o, Console.Out);
            return Watch(o, Frame, live, asJson, TimeSpan.FromSeconds(seconds), cancel);
        });
        return command;
    }

    private static async Task<int> Watch(TextWriter o, Func<MonitorFrame?> frame, bool live, bool asJson, TimeSpan every, CancellationToken cancel)
    {
        string Render(MonitorFrame? f) => f is null ? "waiting for the pipeline's first state..." : asJson ? JsonSerializer.Serialize(f, new JsonSerializerOptions(PipelineState.Json) { WriteIndented = false }) : Text(f);
        try
        {
            if (live)
            {
                await AnsiConsole.Live(new Text("")).StartAsync(async ctx =>
                {
                    while (!cancel.IsCancellationRequested)
                    {
                        ctx.UpdateTarget(new Text(Render(frame())));
                        ctx.Refresh();
                        if (frame() is { Status: PipelineStatus.Done or PipelineStatus.Failed }) break;
                        await Task.Delay(every, cancel);
                    }
                });
            }
            else
            {
                while (!cancel.IsCancellationRequested)
                {
                    var f = frame();
                    o.WriteLine(Render(f));
                    if (f is { Status: PipelineStatus.Done or PipelineStatus.Failed }) break;
                    await Task.Delay(every, cancel);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    /// <summary>One frame as text: status, counts, a bar per goal, the best and latest validation, alerts, recent steps.</summary>
    public static string Text(MonitorFrame f)
    {
        var c = CultureInfo.InvariantCulture;
        var w = new StringWriter(c);
        w.WriteLine($"{f.Run}: {f.Status}{(f.StopReason is { } r ? $" ({r})" : "")}, updated {f.Updated.ToString("yyyy-MM-dd HH:mm:ss", c)} UTC, running {TimeSpan.FromSeconds(f.Seconds):hh\\:mm\\:ss}");
        w.WriteLine(string.Create(c, $"trajectories {f.Trajectories:N0}, batches {f.Batches}, sessions {f.Sessions}, iterations {f.Iterations}"));
        foreach (var g in f.Goals)
        {
            int filled = (int)Math.Round(g.Fraction * 30);
            string value = g.Goal == "trajectories" ? g.Current.ToString("N0", c) : double.IsFinite(g.Current) ? g.Current.ToString("F3", c) : "-";
            w.WriteLine($"  {g.Goal,-20} [{new string('#', filled)}{new string('.', 30 - filled)}] {value} / {g.Target.ToString(g.Goal == "trajectories" ? "N0" : "F2", c)} {(g.Met ? "met" : "")}");
        }
        if (f.Best is { } b) w.WriteLine(string.Create(c, $"best:   Sharpe {b.Sharpe:F2}, win rate {b.WinRate:P1}, return {b.TotalReturn:P1}, drawdown {b.MaxDrawdown:P1} (buy-and-hold Sharpe {b.BuyAndHoldSharpe:F2})"));
        if (f.Latest is { } l) w.WriteLine(string.Create(c, $"latest: Sharpe {l.Sharpe:F2}, win rate {l.WinRate:P1}"));
        foreach (var a in f.Alerts) w.WriteLine($"ALERT {a.Name}: {a.Seen}. Remedy: {a.Remedy}.");
        if (f.Error is { } e) w.WriteLine($"error: {e}");
        foreach (var s in f.Recent) w.WriteLine($"  {s.Time.ToString("HH:mm:ss", c)} [{s.Kind}] {s.Detail}");
        return w.ToString().TrimEnd();
    }
}
