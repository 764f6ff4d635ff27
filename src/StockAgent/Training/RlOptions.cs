using StockAgent.Rewards;

namespace StockAgent.Training;

/// <summary>
/// Settings shared by the RL trainers (GRPO and PPO). Each online iteration draws <see cref="GroupsPerIteration"/> start
/// states from the training split and rolls the current policy out <see cref="GroupSize"/> times from each (64 x 8 = 512
/// trajectories), scores every episode with <see cref="Reward"/>, then runs <see cref="Epochs"/> passes of clipped,
/// KL-controlled updates over the steps in minibatches of <see cref="MinibatchSteps"/>. The base network is frozen;
/// the LoRA adapters learn (and, for PPO, the value head).
/// </summary>
public abstract record RlOptions
{
    public int Iterations { get; init; } = 20;
    public int GroupSize { get; init; } = 8;
    public int GroupsPerIteration { get; init; } = 64;
    public int Epochs { get; init; } = 4;
    public int MinibatchSteps { get; init; } = 4096;
    public double LearningRate { get; init; } = 1e-3;
    public double ClipEps { get; init; } = 0.2;

    /// <summary>beta: weight of the k3 KL to the reference policy (the network with adapters off).</summary>
    public double KlCoef { get; init; } = 0.05;
    public double MaxGradNorm { get; init; } = 1.0;
    public double EntropyCoef { get; init; }
    public int Window { get; init; } = 60;
    public RewardFunction Reward { get; init; } = RewardFunctions.Composite;
    public string RewardName { get; init; } = "composite";
    public int Seed { get; init; } = 7;

    /// <summary>Trajectories rolled out per online iteration.</summary>
    public int TrajectoriesPerIteration => GroupsPerIteration * GroupSize;

    public virtual void Validate()
    {
        if (Iterations < 1) throw new ArgumentException($"num_iterations must be at least 1 (got {Iterations}).");
        if (GroupSize < 1) throw new ArgumentException($"group_size must be at least 1 (got {GroupSize}).");
        if (GroupsPerIteration < 1) throw new ArgumentException($"batch_size (groups per iteration) must be at least 1 (got {GroupsPerIteration}).");
        if (Epochs < 1) throw new ArgumentException($"epochs must be at least 1 (got {Epochs}).");
        if (MinibatchSteps < 1) throw new ArgumentException($"minibatch_steps must be at least 1 (got {MinibatchSteps}).");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning_rate must be positive (got {LearningRate}).");
        if (ClipEps is <= 0 or >= 1) throw new ArgumentException($"clip_eps must be in (0, 1) (got {ClipEps}).");
        if (KlCoef < 0) throw new ArgumentException($"kl_coef must not be negative (got {KlCoef}).");
        if (!(MaxGradNorm > 0)) throw new ArgumentException($"max_grad_norm must be positive (got {MaxGradNorm}).");
        if (Window < 2) throw new ArgumentException($"window must be at least 2 decisions (got {Window}).");
    }
}
