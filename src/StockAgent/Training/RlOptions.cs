using StockAgent.Rewards;

namespace StockAgent.Training;

/// <summary>
/// Settings shared by the RL trainers (GRPO and PPO). Each online iteration draws <see cref="GroupsPerIteration"/> start
/// states from the training split and rolls the current policy out <see cref="GroupSize"/> times from each (64 x 8 = 512
/// trajectories), scores every episode with <see cref="Reward"/>, then runs <see cref="Epochs"/> passes of clipped,
/// KL-controlled updates over the steps in minibatches of <see cref="MinibatchSteps"/>. The base network is frozen;
/// the LoRA adapters learn (and, for PPO, the value head).
/// </summary>
public abstract record RlOptions : TrainingOptions
{
    /// <summary>Largest online batch (trajectories per iteration) accepted.</summary>
    public const int MaxTrajectoriesPerIteration = 1_000_000;

    [ConfigKey("num_iterations")]
    public int Iterations { get; init; } = 20;

    /// <summary>Adam step size for the LoRA adapters (and PPO's value head).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Start states (groups) per iteration.</summary>
    [ConfigKey("batch_size")]
    public int GroupsPerIteration { get; init; } = 64;

    /// <summary>Rollouts per start state.</summary>
    public int GroupSize { get; init; } = 8;

    /// <summary>Optimisation passes over each iteration's steps.</summary>
    public int Epochs { get; init; } = 4;

    /// <summary>Steps per gradient update.</summary>
    public int MinibatchSteps { get; init; } = 4096;

    /// <summary>Ratio clipping epsilon.</summary>
    public double ClipEps { get; init; } = 0.2;

    /// <summary>beta: weight of the k3 KL to the reference policy (the network with adapters off).</summary>
    public double KlCoef { get; init; } = 0.05;

    /// <summary>Entropy bonus weight.</summary>
    public double EntropyCoef { get; init; }

    /// <summary>Gradient clipping (L2 norm).</summary>
    public double MaxGradNorm { get; init; } = 1.0;

    /// <summary>Decisions per episode (trading days).</summary>
    public int Window { get; init; } = 60;

    /// <summary>The reward function's name (<see cref="RewardFunctions.Names"/>).</summary>
    [ConfigKey("reward")]
    public string RewardName { get; init; } = "composite";

    /// <summary>The reward function itself: <see cref="RewardName"/>'s, or any delegate set in code (a notebook cell).</summary>
    [ConfigIgnore]
    public RewardFunction Reward { get; init; } = RewardFunctions.Composite;

    public override int TotalIterations => Iterations;

    /// <summary>Trajectories rolled out per online iteration.</summary>
    public int TrajectoriesPerIteration => GroupsPerIteration * GroupSize;

    public override void Validate()
    {
        base.Validate();
        Check.Range(Iterations, 1, 1_000_000, "num_iterations");
        Check.Range(GroupSize, 1, 1024, "group_size");
        Check.Range(GroupsPerIteration, 1, MaxTrajectoriesPerIteration, "batch_size");
        if ((long)GroupsPerIteration * GroupSize > MaxTrajectoriesPerIteration)
            throw new ArgumentException($"batch_size x group_size must be at most {MaxTrajectoriesPerIteration:N0} trajectories per iteration (got {(long)GroupsPerIteration * GroupSize:N0}).", "batch_size");
        Check.Range(Epochs, 1, 1000, "epochs");
        Check.Range(MinibatchSteps, 1, 100_000_000, "minibatch_steps");
        Check.Positive(LearningRate, "learning_rate");
        Check.Range(ClipEps, 0, 0.999999, "clip_eps", minExclusive: true);
        Check.Range(KlCoef, 0, 1e6, "kl_coef");
        Check.Range(EntropyCoef, 0, 1e6, "entropy_coef");
        Check.Positive(MaxGradNorm, "max_grad_norm");
        Check.Range(Window, 2, 100_000, "window");
        RewardFunctions.ByName(RewardName);
    }
}
