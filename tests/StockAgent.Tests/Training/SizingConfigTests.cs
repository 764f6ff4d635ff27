using StockAgent.Agents;
using StockAgent.Tests.Support;
using StockAgent.Training;

namespace StockAgent.Tests.Training;

/// <summary>The action-space and sizing keys of <see cref="SftOptions"/>: bound from YAML and --set, validated with
/// errors that say where the value came from.</summary>
public class SizingConfigTests
{
    [Fact]
    public void Actions_BindsAListOfNumbers_FromSetAndFile()
    {
        var sft = TrainingConfig.Load<SftOptions>(null, ["actions=[0, 0.25, 0.5, 0.75, 1]", "vol_target=0.15", "vol_lookback=30", "vol_cap=1.5"]);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], sft.Actions);
        Assert.Equal(new ActionSpace([0, 0.25, 0.5, 0.75, 1]).Exposures, sft.ActionSpace().Exposures);
        Assert.Equal(new VolatilityTarget(0.15, 30, 1.5), sft.Sizing());
        Assert.Null(new SftOptions().Sizing());
        Assert.Equal([0, 0.5, 1], new SftOptions().Actions);
        Assert.Contains("actions: [0, 0.25, 0.5, 0.75, 1]", TrainingConfig.ToYaml(sft));

        using var dir = new TempFolder();
        var path = dir.Combine("c.yaml");
        File.WriteAllText(path, "algorithm: sft\nactions: [-1, 0, 1]\n");
        Assert.Equal([-1, 0, 1], TrainingConfig.Load<SftOptions>(path).Actions);
        Assert.True(TrainingConfig.Load<SftOptions>(path).ActionSpace().AllowsShort);
        var grpo = TrainingConfig.Load<GrpoOptions>(path); // a GRPO run reads the same file and leaves the key to SFT
        Assert.DoesNotContain("actions", TrainingConfig.ToYaml(grpo));
    }

    [Theory]
    [InlineData("actions=[0, 0.5, 0.5]", "distinct and in increasing order")]
    [InlineData("actions=[1, 0.5, 0]", "distinct and in increasing order")]
    [InlineData("actions=[0, 1.5]", "in [-1, 1] (got 1.5")]
    [InlineData("actions=[1]", "at least two exposures")]
    [InlineData("actions=[0, half]", "actions takes a number")]
    [InlineData("vol_target=-0.1", "vol_target must be in [0, 10]")]
    [InlineData("vol_lookback=1", "vol_lookback must be between 2")]
    [InlineData("vol_cap=0", "vol_cap must be in (0, 100]")]
    public void BadValues_NameTheOverride(string set, string message)
    {
        var ex = Assert.Throws<InvalidDataException>(() => TrainingConfig.Load<SftOptions>(null, [set]));
        Assert.StartsWith($"--set {set}:", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void BadActionsInAFile_NameTheFileAndLine()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("c.yaml");
        File.WriteAllText(path, "algorithm: sft\nseed: 3\nactions: [0, 2]\n");
        var ex = Assert.Throws<InvalidDataException>(() => TrainingConfig.Load(path));
        Assert.StartsWith($"{path}:3:", ex.Message);
        // a GRPO run reads the same file: the key belongs to SFT, its type is still checked
        File.WriteAllText(path, "actions: [0, x]\n");
        Assert.StartsWith($"{path}:1:", Assert.Throws<InvalidDataException>(() => TrainingConfig.Load(path, algorithm: "grpo")).Message);
    }
}
