using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>`stockagent continuous-training`: bad input gets one line naming the option, before any market loads or
/// any file is written.</summary>
public class ContinuousTrainingCommandTests
{
    [Theory]
    [InlineData(new[] { "--batch-size", "0" }, "batch size must be between 1 and 100,000")]
    [InlineData(new[] { "--training-interval", "0" }, "training interval must be at least 1")]
    [InlineData(new[] { "--algorithm", "sac" }, "grpo or ppo")]
    [InlineData(new[] { "--target-win-rate", "1.5" }, "win-rate goal must lie in [0, 1]")]
    [InlineData(new[] { "--max-hours", "0" }, "time budget must be positive")]
    public void BadInput_OneErrorLine_Exit2_NothingWritten(string[] args, string message)
    {
        using var dir = new TempFolder();
        var run = dir.Combine("ct");
        var result = CliRunner.Run(["continuous-training", "--quick", "--run", run, .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.Single(result.Stderr.Trim().Split('\n'), l => l.StartsWith("error:"));
        Assert.False(Directory.Exists(run));
    }
}
