using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>
/// Trajectories flattened step by step for an RL update: the policy's columns of the stored (full) observations
/// (<see cref="NeuralPolicy.Columns"/>), normalised with the policy's normaliser
/// (row-major, steps x <see cref="Inputs"/>; for a sequence model each row is the window of <see cref="ObservationWindows"/>,
/// the one the policy fed its network when it acted, with the bars before each episode read from the market), the
/// actions taken, their log-probabilities under the policy that acted (pi_old), and where each trajectory's steps start
/// (<see cref="Offsets"/>, with a final entry equal to <see cref="Steps"/>).
/// </summary>
public sealed class RolloutBatch
{
    private RolloutBatch(float[] observations, long[] actions, float[] oldLogProbs, int[] offsets, int inputs)
    {
        Observations = observations;
        Actions = actions;
        OldLogProbs = oldLogProbs;
        Offsets = offsets;
        Inputs = inputs;
    }

    public float[] Observations { get; }
    public long[] Actions { get; }
    public float[] OldLogProbs { get; }
    public int[] Offsets { get; }
    public int Inputs { get; }
    public int Steps => Actions.Length;
    public int Trajectories => Offsets.Length - 1;

    /// <summary>A batch of steps already flattened (e.g. portfolio episodes' (day, symbol) steps): normalised input rows
    /// (steps x <paramref name="inputs"/>), actions, pi_old log-probabilities and each episode's first step
    /// (<paramref name="offsets"/>, ending with the number of steps).</summary>
    internal static RolloutBatch FromSteps(float[] observations, long[] actions, float[] oldLogProbs, int[] offsets, int inputs)
    {
        if (observations.Length != actions.Length * inputs || oldLogProbs.Length != actions.Length || offsets.Length < 1 || offsets[^1] != actions.Length)
            throw new ArgumentException($"a batch of {actions.Length} steps needs {actions.Length * inputs} input values (got {observations.Length}), " +
                $"{actions.Length} log-probabilities (got {oldLogProbs.Length}) and offsets ending at {actions.Length}.");
        return new RolloutBatch(observations, actions, oldLogProbs, offsets, inputs);
    }

    /// <summary>The batch of <paramref name="trajectories"/> for <paramref name="policy"/>. A sequence model needs
    /// <paramref name="market"/>, the market the trajectories were collected on (see <see cref="TrajectoryWindows"/>).</summary>
    public static RolloutBatch From(IReadOnlyList<Trajectory> trajectories, NeuralPolicy policy, MarketData? market = null)
    {
        int size = policy.Network.Spec.Inputs, length = policy.Network.Spec.SequenceLength, width = size * length;
        var columns = policy.Columns;
        int full = columns.IsAll ? size : ObservationColumns.FullSize;
        var offsets = new int[trajectories.Count + 1];
        for (int i = 0; i < trajectories.Count; i++)
        {
            trajectories[i].EnsureFits(full, policy.Actions.Count);
            offsets[i + 1] = offsets[i] + trajectories[i].Steps;
        }
        int steps = offsets[^1];
        var obs = new float[steps * width];
        var actions = new long[steps];
        var oldLogp = new float[steps];
        for (int i = 0; i < trajectories.Count; i++)
        {
            var t = trajectories[i];
            int at = offsets[i];
            var rows = obs.AsSpan(at * width, t.Steps * width);
            if (length == 1 && columns.IsAll) policy.Metadata.Normalizer.Apply(t.Observations, rows);
            else
            {
                var windows = length == 1 ? t.Observations : new float[t.Steps * full * length];
                if (length > 1) TrajectoryWindows.Write(t, market, length, windows);
                columns.Select(windows, rows);
                policy.Metadata.Normalizer.Apply(rows, rows);
            }
            for (int k = 0; k < t.Steps; k++)
            {
                actions[at + k] = t.Actions[k];
                oldLogp[at + k] = (float)t.LogProbs[k];
            }
        }
        return new RolloutBatch(obs, actions, oldLogp, offsets, width);
    }
}
