using System.Globalization;

namespace StockAgent.Pipeline;

/// <summary>
/// Reads a pipeline's state (written by another process; never writes) into a <see cref="MonitorFrame"/>: progress
/// toward each goal and alerts for the research plan's common problems, each with the plan's remedy. The rules:
/// a Sharpe plateau is no new best validation Sharpe over the last <see cref="PlateauEvaluations"/> validation checks;
/// high win rate with low Sharpe is a best model winning more than the win-rate goal of its trades with a Sharpe below
/// half the Sharpe goal (small wins, large losses); overfitting is a best model whose validation Sharpe is below
/// buy-and-hold's over the same days after two or more sessions (training gains that do not carry to unseen days);
/// slow progress is a projected time to the trajectory goal, at the rate so far, beyond the time budget.
/// </summary>
public static class PipelineMonitor
{
    public const int PlateauEvaluations = 3;

    /// <param name="goals">Goals to show (null: the run's own).</param>
    /// <param name="maxHours">The time budget for the slow-progress alert (null: none).</param>
    public static MonitorFrame Frame(string run, PipelineState state, PipelineGoals? goals = null, double? maxHours = null, int recent = 8)
    {
        goals ??= state.Goals;
        var best = state.Best;
        var progress = new List<GoalProgress>
        {
            new("trajectories", goals.Trajectories, state.Trajectories, Math.Clamp(state.Trajectories / (double)goals.Trajectories, 0, 1), state.Trajectories >= goals.Trajectories),
            Goal("validation Sharpe", goals.Sharpe, best?.Sharpe ?? double.NaN),
            Goal("validation win rate", goals.WinRate, best?.WinRate ?? double.NaN),
        };
        return new MonitorFrame(run, state.Status, state.Updated, state.Seconds, state.Trajectories, state.Batches, state.Sessions, state.Iterations,
            best, state.Latest, progress, state.History.TakeLast(recent).ToList(), Alerts(state, goals, maxHours), state.StopReason, state.Error);
    }

    private static GoalProgress Goal(string name, double target, double current) =>
        new(name, target, current, !double.IsFinite(current) ? 0 : target <= 0 ? (current > target ? 1 : 0) : Math.Clamp(current / target, 0, 1), current > target);

    public static IReadOnlyList<MonitorAlert> Alerts(PipelineState state, PipelineGoals goals, double? maxHours)
    {
        var c = CultureInfo.InvariantCulture;
        var alerts = new List<MonitorAlert>();
        var checks = state.History.Where(h => h.Kind is "train" or "evaluate").ToList();
        var news = state.History.Where(h => h.Kind == "train").Select(h => h.Detail.EndsWith("new best", StringComparison.Ordinal)).ToList();
        if (checks.Count >= PlateauEvaluations && news.Count >= 2 && !news.TakeLast(Math.Min(news.Count, PlateauEvaluations)).Any(b => b))
            alerts.Add(new MonitorAlert("Sharpe plateau", $"no new best validation Sharpe in the last {Math.Min(news.Count, PlateauEvaluations)} sessions",
                "raise the learning rate or the KL budget, collect more diverse trajectories (other regimes, corrective data from analyze-errors), or try PPO"));
        if (state.Best is { } b)
        {
            if (b.WinRate > goals.WinRate && b.Sharpe < goals.Sharpe / 2)
                alerts.Add(new MonitorAlert("high win rate, low Sharpe", string.Create(c, $"win rate {b.WinRate:P1} but Sharpe {b.Sharpe:F2}"),
                    "losses are larger than wins: add a stop-loss or a drawdown penalty to the reward, and size positions down"));
            if (state.Sessions >= 2 && b.Sharpe < b.BuyAndHoldSharpe)
                alerts.Add(new MonitorAlert("overfitting", string.Create(c, $"best validation Sharpe {b.Sharpe:F2} below buy-and-hold's {b.BuyAndHoldSharpe:F2} after {state.Sessions} sessions"),
                    "increase regularisation (KL coefficient, LoRA dropout), early stopping patience down, more and more varied data"));
        }
        if (maxHours is { } h && state.Seconds > 60 && state.Trajectories > 0 && state.Trajectories < goals.Trajectories)
        {
            double projected = state.Seconds / state.Trajectories * goals.Trajectories / 3600;
            if (projected > h)
                alerts.Add(new MonitorAlert("slow progress", string.Create(c, $"{projected:F1} h projected to reach {goals.Trajectories:N0} trajectories, budget {h:F1} h"),
                    "raise --batch-size, lower --training-interval's cost (fewer iterations per session), or extend --max-hours"));
        }
        return alerts;
    }
}
