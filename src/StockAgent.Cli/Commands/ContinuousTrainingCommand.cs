using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StockAgent.Pipeline;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent continuous-training`: the kit's main job (<see cref="ContinuousPipeline"/>). Parses, calls, prints:
/// on an interactive terminal with progress bars (<see cref="PipelineProgress"/>), otherwise (output redirected, CI,
/// --plain) as plain lines. Ctrl+C finishes the current step, then the run confirms on the test sets and stops.</summary>
public static class ContinuousTrainingCommand
{
    public static Command Create()
    {
        var d = new PipelineSettings();
        var trajectories = new Option<int>("--target-trajectories") { Description = "Goal: trajectories in the library.", DefaultValueFactory = _ => d.Goals.Trajectories };
        var sharpe = new Option<double>("--target-sharpe") { Description = "Goal: the best model's validation Sharpe (annualised) above this.", DefaultValueFactory = _ => d.Goals.Sharpe };
        var winRate = new Option<double>("--target-win-rate") { Description = "Goal: the best model's validation win rate above this (a fraction).", DefaultValueFactory = _ => d.Goals.WinRate };
        var batchSize = new Option<int>("--batch-size") { Description = "Trajectories per collected batch.", DefaultValueFactory = _ => d.BatchSize };
        var trainingInterval = new Option<int>("--training-interval") { Description = "Batches between training sessions.", DefaultValueFactory = _ => d.TrainingInterval };
        var evaluationInterval = new Option<int>("--evaluation-interval") { Description = "Batches between validation checks (also after every session).", DefaultValueFactory = _ => d.EvaluationInterval };
        var run = new Option<string>("--run") { Description = "Run folder: state, library, training runs, confirmation.", DefaultValueFactory = _ => d.RunDirectory };
        var maxHours = new Option<double?>("--max-hours") { Description = "Time budget in hours (default: none)." };
        var maxSessions = new Option<int>("--max-sessions") { Description = "Training sessions budget.", DefaultValueFactory = _ => d.MaxSessions };
        var algorithm = new Option<string>("--algorithm") { Description = "RL after SFT: grpo or ppo.", DefaultValueFactory = _ => d.Algorithm };
        var iterations = new Option<int>("--iterations-per-session") { Description = "RL iterations per session (early stopping may end one sooner).", DefaultValueFactory = _ => d.IterationsPerSession };
        var seed = new Option<int>("--seed") { Description = "Seed of collection and training.", DefaultValueFactory = _ => d.Seed };
        var plain = new Option<bool>("--plain") { Description = "Plain log lines even on a terminal (the default when output is redirected)." };
        var quick = new Option<bool>("--quick") { Description = "The small preset on the synthetic default: a few batches, small sessions, about a minute; flags given beside it still apply." };
        var market = new MarketOptions();
        var command = new Command("continuous-training", "Collect, train and evaluate in a loop until the goals are met on validation or the budget is spent, then confirm once on the test sets.");
        foreach (var o in new Option[] { trajectories, sharpe, winRate, batchSize, trainingInterval, evaluationInterval, run, maxHours, maxSessions, algorithm, iterations, seed, quick, plain })
            command.Options.Add(o);
        market.AddTo(command);

        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            bool given(Option option) => parse.GetResult(option) is { Implicit: false };
            var s = parse.GetValue(quick) ? PipelineSettings.Quick(parse.GetValue(run)!) : d with { RunDirectory = parse.GetValue(run)! };
            s = s with
            {
                Goals = new PipelineGoals(
                    given(trajectories) ? parse.GetValue(trajectories) : s.Goals.Trajectories,
                    given(sharpe) ? parse.GetValue(sharpe) : s.Goals.Sharpe,
                    given(winRate) ? parse.GetValue(winRate) : s.Goals.WinRate),
                BatchSize = given(batchSize) ? parse.GetValue(batchSize) : s.BatchSize,
                TrainingInterval = given(trainingInterval) ? parse.GetValue(trainingInterval) : s.TrainingInterval,
                EvaluationInterval = given(evaluationInterval) ? parse.GetValue(evaluationInterval) : s.EvaluationInterval,
                MaxHours = parse.GetValue(maxHours) ?? s.MaxHours,
                MaxSessions = given(maxSessions) ? parse.GetValue(maxSessions) : s.MaxSessions,
                Algorithm = parse.GetValue(algorithm)!.ToLowerInvariant(),
                IterationsPerSession = given(iterations) ? parse.GetValue(iterations) : s.IterationsPerSession,
                Seed = parse.GetValue(seed),
                Command = CliFlags.CommandText(parse),
            };
            s.Validate(); // before the market loads
            var context = market.Load(parse);
            o.WriteLine(context.ToString());
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run: {Path.GetFullPath(s.RunDirectory)}; goals: {s.Goals.Trajectories:N0} trajectories, validation Sharpe > {s.Goals.Sharpe}, win rate > {s.Goals.WinRate:P0}; " +
                $"batches of {s.BatchSize:N0}, a session every {s.TrainingInterval}, at most {s.MaxSessions} sessions"));
            using var cancel = new CancellationTokenSource();
            // On a terminal, progress bars; redirected (CI), with --plain or on a terminal without ANSI, plain lines.
            bool live = !parse.GetValue(plain) && ReferenceEquals(o, Console.Out) && !Console.IsOutputRedirected
                        && AnsiConsole.Profile.Capabilities is { Interactive: true, Ansi: true };
            var display = live ? new PipelineProgress(AnsiConsole.Console, s.Goals, s.MaxSessions) : null;
            Action<string> log = display is not null ? display.Log : o.WriteLine;
            var steps = new PipelineStepLines();
            Action<PipelineState> show = display is not null ? display.Show : st =>
            {
                foreach (var line in steps.New(st)) o.WriteLine(line);
            };
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                if (cancel.IsCancellationRequested)
                {
                    // A second Ctrl+C ends the process at once (the state is as a kill leaves it: rerunning resumes),
                    // with the cursor that the progress display hid shown again.
                    if (display is not null) Console.Out.Write("\u001b[?25h\n");
                    return;
                }
                e.Cancel = true; // finish the current step, then confirm and stop
                cancel.Cancel();
                log("Ctrl+C: stopping after the current step, then confirming on the test sets (Ctrl+C again quits at once; rerunning resumes)");
            };
            Console.CancelKeyPress += onCancel;
            PipelineState state;
            try
            {
                PipelineState Pipeline() => ContinuousPipeline.Run(context, s, log, show, cancel.Token);
                state = display is not null ? display.Run(Pipeline, cancel) : Pipeline();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            string best = state.Best is { } b
                ? string.Create(CultureInfo.InvariantCulture, $" (best: Sharpe {b.Sharpe:F2}, win rate {b.WinRate:P1}, buy-and-hold {b.BuyAndHoldSharpe:F2})")
                : "";
            o.WriteLine($"{state.StopReason}; goals {(state.GoalsMet ? "met" : "NOT met")} on validation{best}");
            if (state.Confirmation is not null) o.WriteLine($"test sets: {state.Confirmation}");
            o.WriteLine($"state: {PipelineState.PathIn(s.RunDirectory)}; {state.Seconds:F0} s in all");
            return 0;
        });
        return command;
    }
}
