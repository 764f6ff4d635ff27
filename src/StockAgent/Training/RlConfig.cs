using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StockAgent.Training;

/// <summary>
/// Training configuration, read from YAML (data/config/rl/*.yaml; keys in snake_case, documented in those files)
/// with command-line overrides "key=value". Unknown keys and bad values are errors that name the key (and line).
/// </summary>
public sealed class RlConfig
{
    public string Algorithm { get; set; } = "grpo";
    public double LearningRate { get; set; } = 1e-3;
    public int LoraRank { get; set; } = 16;
    public double LoraAlpha { get; set; } = 32;
    public double LoraDropout { get; set; }
    public int BatchSize { get; set; } = 64;
    public int GroupSize { get; set; } = 8;
    public int NumIterations { get; set; } = 20;
    public int Epochs { get; set; } = 4;
    public int MinibatchSteps { get; set; } = 4096;
    public double ClipEps { get; set; } = 0.2;
    public double KlCoef { get; set; } = 0.05;
    public double VfCoef { get; set; } = 0.15;
    public double Gamma { get; set; } = 0.99;
    public double GaeLambda { get; set; } = 0.95;
    public double StepRewardScale { get; set; }
    public double EntropyCoef { get; set; }
    public double MaxGradNorm { get; set; } = 1.0;
    public string AdvantageScaling { get; set; } = "group";
    public int Window { get; set; } = 60;
    public string Reward { get; set; } = "composite";
    public List<int> Hidden { get; set; } = [64, 64];
    public string Architecture { get; set; } = "mlp";
    public int SequenceLength { get; set; } = 1;
    public int SftEpochs { get; set; } = 8;
    public double SftLearningRate { get; set; } = 1e-3;
    public int LabelHorizon { get; set; } = 5;
    public double RiskAversion { get; set; } = 2;
    public string? Teacher { get; set; }
    public int CheckpointEvery { get; set; } = 5;
    public int ValidateEvery { get; set; } = 5;
    public int Patience { get; set; } = 3;
    public int Seed { get; set; } = 7;
    public string Device { get; set; } = "cpu";

    private static IDeserializer Deserializer() => new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    public static RlConfig Load(string? path, IEnumerable<string>? overrides = null)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        string source = path ?? "built-in defaults";
        if (path is not null)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"--config: '{path}' does not exist.", path);
            try
            {
                map = Deserializer().Deserialize<Dictionary<string, object?>>(File.ReadAllText(path)) ?? map;
            }
            catch (YamlException ex)
            {
                throw new InvalidDataException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
            }
        }
        foreach (var o in overrides ?? [])
        {
            int eq = o.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--set '{o}': expected key=value, e.g. learning_rate=0.0005.");
            map[o[..eq].Trim()] = OverrideValue(o[(eq + 1)..].Trim());
            source += $", {o}";
        }
        var yaml = new SerializerBuilder().Build().Serialize(map);
        RlConfig config;
        try
        {
            config = Deserializer().Deserialize<RlConfig?>(yaml) ?? new RlConfig();
        }
        catch (YamlException ex)
        {
            var known = string.Join(", ", typeof(RlConfig).GetProperties().Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name)));
            throw new InvalidDataException($"{source}: {ex.InnerException?.Message ?? ex.Message}. Known keys: {known}.", ex);
        }
        config.Validate(source);
        return config;
    }

    /// <summary>A --set value read as YAML, so lists work ("hidden=[32, 32]"); a scalar stays text for the typed pass.</summary>
    private static object? OverrideValue(string text)
    {
        if (!text.StartsWith('[')) return text;
        try
        {
            return new DeserializerBuilder().Build().Deserialize<List<object>>(text);
        }
        catch (YamlException ex)
        {
            throw new ArgumentException($"--set: '{text}' is not a YAML list ({ex.Message}).", ex);
        }
    }

    public void Validate(string source)
    {
        if (Algorithm is not ("sft" or "grpo" or "ppo")) throw new InvalidDataException($"{source}: algorithm must be sft, grpo or ppo (got '{Algorithm}').");
        if (AdvantageScaling is not ("group" or "batch" or "none")) throw new InvalidDataException($"{source}: advantage_scaling must be group, batch or none (got '{AdvantageScaling}').");
        try
        {
            new Agents.PolicyNetworkSpec { Inputs = 1, Hidden = Hidden, Architecture = Architecture, SequenceLength = SequenceLength, LoraRank = LoraRank, LoraDropout = LoraDropout }.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{source}: {ex.Message}", ex);
        }
        if (Patience < 1) throw new InvalidDataException($"{source}: patience must be at least 1 (got {Patience}).");
        if (CheckpointEvery < 1 || ValidateEvery < 1) throw new InvalidDataException($"{source}: checkpoint_every and validate_every must be at least 1.");
        var reward = Rewards.RewardFunctions.ByName(Reward);
        if (Algorithm == "ppo") PpoOptions(reward).Validate();
        else GrpoOptions(reward).Validate();
    }

    public string ToYaml() => new SerializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Serialize(this);

    public SftOptions SftOptions() => new()
    {
        Horizon = LabelHorizon, RiskAversion = RiskAversion, Teacher = Teacher, Epochs = SftEpochs, LearningRate = SftLearningRate,
        Hidden = Hidden, Architecture = Architecture, SequenceLength = SequenceLength, LoraRank = LoraRank, LoraAlpha = LoraAlpha, LoraDropout = LoraDropout, Seed = Seed,
        Device = Device,
    };

    public GrpoOptions GrpoOptions(Rewards.RewardFunction reward) => Fill(new GrpoOptions(), reward) with
    {
        Scaling = Enum.Parse<AdvantageScaling>(AdvantageScaling, ignoreCase: true),
    };

    public PpoOptions PpoOptions(Rewards.RewardFunction reward) => Fill(new PpoOptions(), reward) with
    {
        VfCoef = VfCoef, Gamma = Gamma, GaeLambda = GaeLambda, StepRewardScale = StepRewardScale,
    };

    /// <summary>The options of the configured RL algorithm (grpo or ppo).</summary>
    public RlOptions RlOptions(Rewards.RewardFunction reward) => Algorithm == "ppo" ? PpoOptions(reward) : GrpoOptions(reward);

    private T Fill<T>(T options, Rewards.RewardFunction reward) where T : RlOptions => options with
    {
        Iterations = NumIterations, GroupSize = GroupSize, GroupsPerIteration = BatchSize, Epochs = Epochs, MinibatchSteps = MinibatchSteps,
        LearningRate = LearningRate, ClipEps = ClipEps, KlCoef = KlCoef, MaxGradNorm = MaxGradNorm, EntropyCoef = EntropyCoef,
        Window = Window, Reward = reward, RewardName = Reward, Seed = Seed,
    };
}
