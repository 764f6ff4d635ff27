using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>
/// Supervised samples for behaviour cloning: for each symbol and each labelled bar in [from, to], the observation
/// the policy would see and the target action (hindsight label or a teacher strategy's action). The labels do not
/// depend on the position, so its features are drawn at random (seeded: an exposure of the action space, an open
/// P&amp;L of a few percent, days in trade): the network learns to read prices, not to copy a position that would
/// leak the overlapping next label. <see cref="FromTrajectories"/> instead clones stored trajectories: each step's
/// recorded observation (with its real position state) and the action taken.
/// </summary>
public sealed class BehaviourDataset
{
    private BehaviourDataset(float[] observations, int[] labels, int size, int length)
    {
        SequenceLength = length;
        Observations = observations;
        Labels = labels;
        ObservationSize = size;
    }

    public float[] Observations { get; }
    public int[] Labels { get; }
    /// <summary>Values per observation.</summary>
    public int ObservationSize { get; }

    /// <summary>Observations per sample (a window for sequence models, oldest first; 1 otherwise).</summary>
    public int SequenceLength { get; }

    /// <summary>Values per sample: <see cref="ObservationSize"/> x <see cref="SequenceLength"/>.</summary>
    public int RowWidth => ObservationSize * SequenceLength;
    public int Count => Labels.Length;

    public static BehaviourDataset Build(MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to,
        ActionSpace actions, SftOptions options)
    {
        var observations = MarketObservations.Of(market);
        int size = observations.Size, length = options.SequenceLength;
        var obs = new List<float>();
        var labels = new List<int>();
        var row = new float[size * length];
        var rng = new Random(options.Seed);
        foreach (var symbol in symbols)
        {
            var s = market[symbol];
            var source = observations.For(symbol);
            int[] targets = options.Teacher is { } teacher
                ? TeacherActions(s, PolicyFactory.Create(teacher, new BaselineParameters { Actions = actions }), options.Seed)
                : HindsightLabels.Compute(s.Close, actions, options.Horizon, options.RiskAversion);
            int start = Math.Max(options.WarmupBars, s.IndexOnOrAfter(from));
            int end = s.IndexOnOrAfter(to.AddDays(1)) - 1 - options.Horizon; // labels must not reach past 'to'
            for (int t = start; t <= end; t++)
            {
                if (targets[t] < 0) continue;
                double exposure = actions.Exposures[rng.Next(actions.Count)];
                var position = exposure == 0 ? PositionState.Flat : new PositionState(exposure, 0.05 * (2 * rng.NextDouble() - 1), rng.Next(1, 60));
                for (int j = 0; j < length; j++) // a sequence model sees the last 'length' bars, with this sample's position
                    source.Observe(Math.Max(0, t - length + 1 + j), position, row.AsSpan(j * size, size));
                obs.AddRange(row);
                labels.Add(targets[t]);
            }
        }
        return new BehaviourDataset(obs.ToArray(), labels.ToArray(), size, length);
    }

    /// <summary>Samples from stored trajectories (e.g. the library's best): every step's observation, or its window for a
    /// sequence model (<see cref="ObservationWindows"/>), labelled with the action taken.</summary>
    public static BehaviourDataset FromTrajectories(IReadOnlyList<Trajectory> trajectories, int observationSize, ActionSpace actions, int sequenceLength = 1)
    {
        var obs = new List<float>();
        var labels = new List<int>();
        foreach (var t in trajectories)
        {
            t.EnsureFits(observationSize, actions.Count);
            var windows = new float[t.Steps * observationSize * sequenceLength];
            ObservationWindows.Stack(t.Observations, observationSize, sequenceLength, windows);
            obs.AddRange(windows);
            labels.AddRange(t.Actions);
        }
        return new BehaviourDataset(obs.ToArray(), labels.ToArray(), observationSize, sequenceLength);
    }

    private static int[] TeacherActions(PriceSeries s, IPolicy teacher, int seed)
    {
        var session = teacher.Begin(s, seed);
        var actions = new int[s.Count];
        for (int t = 0; t < s.Count; t++)
            actions[t] = session.Decide(new DecisionContext(t, PositionState.Flat, ReadOnlySpan<float>.Empty)).Action;
        return actions;
    }
}
