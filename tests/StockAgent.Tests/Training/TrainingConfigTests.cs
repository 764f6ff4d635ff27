using StockAgent.Training;
using StockAgent.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace StockAgent.Tests.Training;

/// <summary>One source of defaults: the option records, default.yaml and `train --help` agree; bad keys and values name
/// where they came from.</summary>
public class TrainingConfigTests
{
    private static readonly string DefaultYaml = Path.Combine(RepoPaths.Root, "data", "config", "rl", "default.yaml");

    [Fact]
    public void DefaultYaml_DocumentsEveryKeyWithTheRecordsDefault()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(DefaultYaml)));
        var map = ((YamlMappingNode)stream.Documents[0].RootNode).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => kv.Value);
        foreach (var key in TrainingConfig.Keys.Skip(1))
        {
            var defaults = key.Algorithms.Select(a => TrainingConfig.Format(key.Property.GetValue(TrainingConfig.Defaults(a)))).Distinct().Single();
            if (defaults == "null")
            {
                Assert.False(map.ContainsKey(key.Key), $"{key.Key} has no default; default.yaml should leave it commented out");
                Assert.Contains($"# {key.Key}:", File.ReadAllText(DefaultYaml));
                continue;
            }
            Assert.True(map.TryGetValue(key.Key, out var node), $"default.yaml lacks {key.Key}");
            var text = node is YamlSequenceNode seq ? "[" + string.Join(", ", seq.Children.Select(c => ((YamlScalarNode)c).Value)) + "]" : ((YamlScalarNode)node).Value!;
            var parsed = TrainingConfig.Format(key.Property.GetValue(TrainingConfig.Load(DefaultYaml, [$"{key.Key}={text}"], key.Algorithms[0])));
            Assert.True(parsed == defaults, $"{key.Key}: default.yaml says {text}, the record's default is {defaults}");
        }
        foreach (var algorithm in TrainingConfig.Algorithms)
            Assert.Equal(TrainingConfig.ToYaml(TrainingConfig.Defaults(algorithm)), TrainingConfig.ToYaml(TrainingConfig.Load(DefaultYaml, algorithm: algorithm)));
    }

    [Fact]
    public void TrainHelp_ListsEveryKeyWithItsDefault()
    {
        var help = CliRunner.Run("train", "--help");
        Assert.Equal(0, help.ExitCode);
        var flat = string.Join(" ", help.Stdout.Split('\n').Select(l => l.Trim()));
        foreach (var line in TrainingConfig.Describe().Split('\n'))
            Assert.Contains(line, flat);
    }

    [Fact]
    public void Load_RoundTripsThroughConfigYaml()
    {
        var options = TrainingConfig.Load(null, ["hidden=[32, 16]", "kl_coef=0.25", "advantage_scaling=batch", "reward=pnl"], "grpo");
        using var dir = new TempFolder();
        var path = dir.Combine("config.yaml");
        File.WriteAllText(path, TrainingConfig.ToYaml(options));
        Assert.Equal(TrainingConfig.ToYaml(options), TrainingConfig.ToYaml(TrainingConfig.Load(path)));
        var grpo = (GrpoOptions)TrainingConfig.Load(path);
        Assert.Equal(0.25, grpo.KlCoef);
        Assert.Equal(AdvantageScaling.Batch, grpo.Scaling);
        Assert.Equal("pnl", grpo.RewardName);
        Assert.Equal([32, 16], TrainingConfig.Load<SftOptions>(null, ["hidden=[32, 16]"]).Hidden);
    }

    [Fact]
    public void Load_UnknownKeyInYaml_NamesFileLineAndTheNearestKey()
    {
        using var dir = new TempFolder();
        var path = dir.Combine("bad.yaml");
        File.WriteAllText(path, "algorithm: grpo\nkl_coef: 0.1\nlearnig_rate: 0.01\n");
        var ex = Assert.Throws<InvalidDataException>(() => TrainingConfig.Load(path));
        Assert.Equal($"{path}:3: unknown key 'learnig_rate'; did you mean 'learning_rate'?", ex.Message);
    }

    [Fact]
    public void Load_KeyOfAnotherAlgorithm_IsLeftToIt()
    {
        var sft = TrainingConfig.Load(null, ["vf_coef=0.3", "sft_epochs=2"], "sft");
        Assert.Equal(2, ((SftOptions)sft).Epochs);
        Assert.Equal(0.3, TrainingConfig.Load<PpoOptions>(null, ["vf_coef=0.3"]).VfCoef);
    }

    [Theory]
    [InlineData("learning_rate=-1", "--set learning_rate=-1: learning_rate must be a positive number (got -1)")]
    [InlineData("group_size=99999", "--set group_size=99999: group_size must be between 1 and 1,024")]
    [InlineData("advantage_scaling=median", "advantage_scaling must be one of group, batch, none (got 'median')")]
    [InlineData("reward=happiness", "reward must be one of composite")]
    [InlineData("hidden=[a, b]", "hidden takes a whole number, got 'a'")]
    [InlineData("xyzzy_plugh_frobnicate=1", "unknown key 'xyzzy_plugh_frobnicate'; valid keys: algorithm, seed")]
    public void Load_BadOverride_NamesTheArgument(string set, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => TrainingConfig.Load(null, [set], set.StartsWith("hidden") ? "sft" : "grpo"));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("Options", ex.Message); // never an internal type name
    }
}
