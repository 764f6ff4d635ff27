using StockAgent.Rewards;
namespace StockAgent.Experience;

/// <summary>
/// One episode of one symbol: per step (one decision at a bar's close) the observation
/// (<see cref="ObservationSize"/> floats, row-major in <see cref="Observations"/>), the action index, its
/// log-probability under the acting policy, the step reward (the equity's simple return from this close to
/// the next), the exposure held at this close and the equity at this close; plus episode stats, the episode
/// reward from the chosen reward function, and metadata.
/// </summary>
public sealed record Trajectory
{
    public Trajectory(TrajectoryMetadata metadata, EpisodeStats stats, double reward, int observationSize,
        float[] observations, int[] actions, double[] logProbs, double[] rewards, double[] exposures, double[] equity)
    {
        int n = actions.Length;
        if (observationSize < 0) throw new ArgumentException($"observation size must be non-negative (got {observationSize}).");
        if (observations.Length != n * observationSize)
            throw new ArgumentException($"{metadata.Symbol}: {observations.Length} observation values for {n} steps of size {observationSize}.");
        if (logProbs.Length != n || rewards.Length != n || exposures.Length != n || equity.Length != n)
            throw new ArgumentException($"{metadata.Symbol}: every step array must have {n} values (log-probs {logProbs.Length}, rewards {rewards.Length}, exposures {exposures.Length}, equity {equity.Length}).");
        Metadata = metadata;
        Stats = stats;
        Reward = reward;
        ObservationSize = observationSize;
        Observations = observations;
        Actions = actions;
        LogProbs = logProbs;
        Rewards = rewards;
        Exposures = exposures;
        Equity = equity;
    }

    public TrajectoryMetadata Metadata { get; init; }
    public EpisodeStats Stats { get; init; }
    public double Reward { get; init; }
    public int ObservationSize { get; }
    public float[] Observations { get; }
    public int[] Actions { get; }
    public double[] LogProbs { get; }
    public double[] Rewards { get; }
    public double[] Exposures { get; }
    public double[] Equity { get; }

    public int Steps => Actions.Length;

    public ReadOnlySpan<float> Observation(int step) => Observations.AsSpan(step * ObservationSize, ObservationSize);

    /// <summary>Throws a clear error, naming this trajectory, unless its observations have <paramref name="observationSize"/>
    /// values and every action indexes one of <paramref name="actionCount"/> actions (what training on it needs).</summary>
    public void EnsureFits(int observationSize, int actionCount)
    {
        if (ObservationSize != observationSize)
            throw new InvalidDataException($"trajectory of {Metadata.Symbol} from {Metadata.Start:yyyy-MM-dd} has {ObservationSize}-value observations " +
                                           $"but {observationSize} are expected; it was collected with another observation layout (an older version of the kit): " +
                                           "collect the experience library again.");
        for (int k = 0; k < Actions.Length; k++)
            if (Actions[k] < 0 || Actions[k] >= actionCount)
                throw new InvalidDataException($"trajectory of {Metadata.Symbol} from {Metadata.Start:yyyy-MM-dd}: action {Actions[k]} at step {k} is not one of the model's {actionCount} actions.");
    }
}
