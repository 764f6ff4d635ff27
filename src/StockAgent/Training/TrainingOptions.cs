namespace StockAgent.Training;

/// <summary>
/// What every training algorithm's settings share: the seed, the device, and how a run is paced by
/// <see cref="TrainingLoop"/> (validation and checkpoint intervals in iterations, or epochs for SFT, and the early-stopping
/// patience). Each algorithm has one immutable record (<see cref="SftOptions"/>, <see cref="GrpoOptions"/>,
/// <see cref="PpoOptions"/>) whose property defaults are the kit's only defaults; <see cref="TrainingConfig"/> binds YAML
/// keys and <c>--set</c> overrides to them (snake_case of the property name unless <see cref="ConfigKeyAttribute"/> says
/// otherwise), and data/config/rl/default.yaml documents the same values (a test keeps them equal).
/// </summary>
public abstract record TrainingOptions
{
    /// <summary>sft, grpo or ppo.</summary>
    [ConfigIgnore]
    public abstract string Algorithm { get; }

    /// <summary>Iterations of the run: epochs for SFT, RL iterations for GRPO and PPO.</summary>
    [ConfigIgnore]
    public abstract int TotalIterations { get; }

    public int Seed { get; init; } = 7;

    /// <summary>Where to train: "cpu", "cuda" or "cuda:N" (<see cref="Agents.TorchDevice"/>).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Iterations (epochs for SFT) between validation-Sharpe measurements; the last iteration is always validated.</summary>
    public int ValidateEvery { get; init; } = 5;

    /// <summary>Iterations (epochs for SFT) between checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 5;

    /// <summary>Validations without a new best validation Sharpe before the run stops.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Throws <see cref="ArgumentException"/> naming the config key of the first value out of range.</summary>
    public virtual void Validate()
    {
        Agents.TorchDevice.Parse(Device);
        Check.Range(ValidateEvery, 1, 1_000_000, "validate_every");
        Check.Range(CheckpointEvery, 1, 1_000_000, "checkpoint_every");
        Check.Range(Patience, 1, 1_000_000, "patience");
    }
}
