using StockAgent.Experiments;
using System.Text.Json;
using StockAgent.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>The monitor's frames and alerts from hand-made states, and `stockagent monitor --once` reading a state
/// file without writing it.</summary>
public class PipelineMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PipelineStep Train(int k, bool best) => new(T0.AddMinutes(k), "train", $"session {k}: validation Sharpe 0.1{(best ? "; new best" : "; best stays")}", 1000 * k, 10);

    private static PipelineState State(ValidationMetrics? best, params PipelineStep[] history) => new()
    {
        Goals = new PipelineGoals(10_000, 1.5, 0.55), Started = T0, Updated = T0.AddHours(1), Seconds = 3600, Trajectories = 2_000, Batches = 2,
        Sessions = history.Count(h => h.Kind == "train"), Best = best, Latest = best, History = history, Status = PipelineStatus.Training,
    };

    private static readonly ValidationMetrics Good = new("m", 1.0, 0.5, 0.1, 0.05, 40, 0.5);

    [Fact]
    public void Frame_ShowsProgressTowardEachGoal()
    {
        var frame = PipelineMonitor.Frame("run", State(Good, Train(1, true)));
        Assert.Equal(["trajectories", "validation Sharpe", "validation win rate"], frame.Goals.Select(g => g.Goal));
        Assert.Equal(0.2, frame.Goals[0].Fraction, 12);
        Assert.Equal(1.0 / 1.5, frame.Goals[1].Fraction, 12);
        Assert.False(frame.Goals[2].Met);
        Assert.Empty(frame.Alerts);

        var none = PipelineMonitor.Frame("run", State(null));
        Assert.Equal(0, none.Goals[1].Fraction);
        Assert.True(double.IsNaN(none.Goals[1].Current));
    }

    [Fact]
    public void Alerts_FollowTheirRules_EachWithARemedy()
    {
        string[] Names(PipelineState s, double? hours = null) => PipelineMonitor.Frame("run", s, maxHours: hours).Alerts.Select(a => a.Name).ToArray();

        Assert.Contains("Sharpe plateau", Names(State(Good, Train(1, true), Train(2, false), Train(3, false), Train(4, false))));
        Assert.DoesNotContain("Sharpe plateau", Names(State(Good, Train(1, true), Train(2, false), Train(3, true))));
        Assert.Contains("high win rate, low Sharpe", Names(State(Good with { WinRate = 0.7, Sharpe = 0.3 }, Train(1, true))));
        Assert.Contains("overfitting", Names(State(Good with { Sharpe = 0.2 }, Train(1, true), Train(2, true))));
        Assert.DoesNotContain("overfitting", Names(State(Good with { Sharpe = 0.2 }, Train(1, true)))); // one session: too early
        Assert.Contains("slow progress", Names(State(Good, Train(1, true)), hours: 2)); // 2,000 in 1 h: 5 h to 10,000
        Assert.DoesNotContain("slow progress", Names(State(Good, Train(1, true)), hours: 6));
        Assert.All(PipelineMonitor.Frame("run", State(Good with { WinRate = 0.7, Sharpe = 0.3 }, Train(1, true), Train(2, true)), maxHours: 1).Alerts,
            a => Assert.False(string.IsNullOrWhiteSpace(a.Remedy)));
    }

    [Fact]
    public void BestModel_NeedsEnoughTrades_ThenTheHigherSharpe()
    {
        var few = Good with { Sharpe = 2.6, Trades = 1 };
        var many = Good with { Sharpe = 0.9, Trades = 40 };
        Assert.True(ContinuousPipeline.IsBetter(few, null));
        Assert.True(ContinuousPipeline.IsBetter(many, few));   // enough trades beat a higher Sharpe on one trade
        Assert.False(ContinuousPipeline.IsBetter(few, many));
        Assert.True(ContinuousPipeline.IsBetter(many with { Sharpe = 1.0 }, many));
        Assert.False(ContinuousPipeline.IsBetter(many with { Sharpe = 0.8 }, many));
        Assert.True(ContinuousPipeline.IsBetter(few with { Sharpe = 3 }, few));
        Assert.True(ContinuousPipeline.IsBetter(many, many with { Sharpe = double.NaN }));
    }

    [Fact]
    public void Cli_Once_PrintsTheFrame_AsTextOrJson_AndNeverWrites()
    {
        using var dir = new TempFolder();
        State(Good, Train(1, true)).Save(dir.Path);
        var before = File.ReadAllText(Path.Combine(dir.Path, PipelineState.FileName));
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(dir.Path, PipelineState.FileName));

        var text = CliRunner.Run("monitor", "--run", dir.Path, "--once");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("validation Sharpe", text.Stdout);
        Assert.Contains("[train] session 1", text.Stdout);

        var json = CliRunner.Run("monitor", "--run", dir.Path, "--once", "--json", "--target-sharpe", "2");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("goals")[1].GetProperty("target").GetDouble());
        Assert.Equal("training", doc.RootElement.GetProperty("status").GetString());

        Assert.Equal(before, File.ReadAllText(Path.Combine(dir.Path, PipelineState.FileName)));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(dir.Path, PipelineState.FileName)));

        var missing = CliRunner.Run("monitor", "--run", Path.Combine(dir.Path, "nothing"), "--once");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no pipeline has run", missing.Stderr);
    }
}
