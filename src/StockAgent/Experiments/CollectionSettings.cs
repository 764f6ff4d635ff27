using StockAgent.Rewards;

namespace StockAgent.Experiments;

/// <summary>One collection into an experience library: which policy (a baseline name, <c>model:PATH</c>,
/// <c>ensemble:PATH,...</c> or <c>ensemble-mean:PATH,...</c>; a run folder stands for its best model), how many
/// batches of how many episodes (each batch one transaction), episode length, GRPO group size, the reward, the seed.</summary>
public sealed record CollectionSettings
{
    /// <summary>Largest batch accepted: a batch is held in memory until its transaction commits.</summary>
    public const int MaxBatchSize = 100_000;

    public string Policy { get; init; } = "sma-crossover";
    public int BatchSize { get; init; } = 1000;
    public int Batches { get; init; } = 5;

    /// <summary>Decisions per episode (trading days).</summary>
    public int Window { get; init; } = 60;

    /// <summary>Episodes per start state (GRPO groups); 1 = ungrouped. Batches are rounded up to whole groups.</summary>
    public int GroupSize { get; init; } = 1;

    /// <summary>The reward's name, stored with each batch (<see cref="RewardFunctions.Names"/>, or any name for
    /// <see cref="RewardFunction"/>).</summary>
    public string Reward { get; init; } = "composite";

    /// <summary>A reward delegate (e.g. defined in a notebook cell); null: <see cref="Reward"/>'s built-in.</summary>
    public RewardFunction? RewardFunction { get; init; }

    public string Library { get; init; } = "data/libraries/experience.db";

    /// <summary>Seed: the same seed and library give the same batches (batch k's seed mixes it with the batch's
    /// position in the library).</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting (its property name) that is out of range.</summary>
    public void Validate()
    {
        if (BatchSize is < 1 or > MaxBatchSize) throw new ArgumentException($"batch size must be between 1 and {MaxBatchSize:N0} (got {BatchSize:N0}).", nameof(BatchSize));
        if (Batches is < 1 or > 1_000_000) throw new ArgumentException($"batches must be between 1 and 1,000,000 (got {Batches:N0}).", nameof(Batches));
        if (Window is < 2 or > 10_000) throw new ArgumentException($"window must be between 2 and 10,000 decisions (got {Window:N0}).", nameof(Window));
        if (GroupSize is < 1 or > 1024) throw new ArgumentException($"group size must be between 1 and 1,024 (got {GroupSize:N0}).", nameof(GroupSize));
        if (RewardFunction is null && !RewardFunctions.Names.Contains(Reward))
            throw new ArgumentException($"unknown reward '{Reward}'; choose one of {string.Join(", ", RewardFunctions.Names)}.", nameof(Reward));
        if (string.IsNullOrWhiteSpace(Library)) throw new ArgumentException("an experience library path is needed.", nameof(Library));
    }

    /// <summary>Episodes per batch after rounding up to whole groups.</summary>
    public int EffectiveBatchSize => (int)Math.Min(int.MaxValue, ((long)BatchSize + GroupSize - 1) / GroupSize * GroupSize);
}
