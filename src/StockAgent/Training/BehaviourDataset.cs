using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>
/// Supervised samples for behaviour cloning: for each symbol and each labelled bar in [from, to], the observation
/// the policy would see and the target action (hindsight label, a teacher strategy's action, or at the portfolio level
/// the member's cross-sectional rank among the symbols given, <see cref="CrossSectionalLabels"/>). The labels do not
/// depend on the position, so its features are drawn at random (seeded: an exposure of the action space, an open
/// P&amp;L of a few percent, days in trade): the network learns to read prices, not to copy a position that would
/// leak the overlapping next label. A sequence model's sample is the window of <see cref="ObservationWindows"/>, as
/// when acting: the drawn trade opened days-in-trade bars before t, so the window's bars from its entry on carry it
/// (days counting up from 0 at the entry bar, the unrealised return following the closes from the entry price the
/// drawn return implies, the drawn exposure held) and the bars before its entry are flat.
/// <see cref="FromTrajectories"/> instead clones stored trajectories: each step's recorded observation (with its real
/// position state), or its window, and the action taken.
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

    /// <summary>These samples with only the observation <paramref name="columns"/> a model reads (itself when they are all
    /// of them); the samples must hold full observations (<see cref="Build"/> and <see cref="FromTrajectories"/> give them).</summary>
    public BehaviourDataset Select(ObservationColumns columns)
    {
        if (columns.IsAll) return this;
        if (ObservationSize != ObservationColumns.FullSize)
            throw new ArgumentException($"the samples hold {ObservationSize}-value observations, not the full observation of {ObservationColumns.FullSize}.", nameof(columns));
        return new BehaviourDataset(columns.Select(Observations), Labels, columns.Count, SequenceLength);
    }

    public static BehaviourDataset Build(MarketData market, IEnumerable<string> symbols, DateOnly from, DateOnly to,
        ActionSpace actions, SftOptions options)
    {
        var observations = MarketObservations.Of(market);
        int size = observations.Size, length = options.SequenceLength;
        var obs = new List<float>();
        var labels = new List<int>();
        var row = new float[size * length];
        var trade = new float[size * length];
        var rng = new Random(options.Seed);
        var members = symbols.ToList();
        // Portfolio level: each member's cross-sectional rank among the members that day (labels must not reach past 'to').
        var crossSectional = options.Level == SftOptions.PortfolioLevel ? CrossSectionalLabels.Compute(market, members, actions, options.Horizon, to) : null;
        foreach (var symbol in members)
        {
            var s = market[symbol];
            var source = observations.For(symbol);
            int[] targets = crossSectional is not null ? crossSectional[symbol] : options.Teacher is { } teacher
                ? TeacherActions(s, PolicyFactory.Create(teacher, new BaselineParameters { Actions = actions }), options.Seed)
                : HindsightLabels.Compute(s.Close, actions, options.Horizon, options.RiskAversion);
            int start = Math.Max(options.WarmupBars, s.IndexOnOrAfter(from));
            int end = s.IndexOnOrAfter(to.AddDays(1)) - 1 - options.Horizon; // labels must not reach past 'to'
            for (int t = start; t <= end; t++)
            {
                if (targets[t] < 0) continue;
                double exposure = actions.Exposures[rng.Next(actions.Count)];
                var position = exposure == 0 ? PositionState.Flat : new PositionState(exposure, 0.05 * (2 * rng.NextDouble() - 1), rng.Next(1, 60));
                int held = TradeRows(source, s.Close, t, position, length, trade);
                ObservationWindows.Fill(source, size, t, trade.AsSpan((length - held) * size, held * size), length, row);
                obs.AddRange(row);
                labels.Add(targets[t]);
            }
        }
        return new BehaviourDataset(obs.ToArray(), labels.ToArray(), size, length);
    }

    /// <summary>Writes the observations of the window's bars that hold the drawn <paramref name="position"/>'s trade
    /// (bars max(t - days, t - length + 1, 0) .. t) at the end of <paramref name="destination"/> and returns how many:
    /// at t the drawn state itself; at an earlier bar b in the trade days - (t - b) bars held and the return
    /// sign x (close_b / entry - 1), with entry = close_t / (1 + sign x drawn return). Just bar t when flat.</summary>
    private static int TradeRows(IObservationSource source, double[] close, int t, PositionState position, int length, Span<float> destination)
    {
        int size = source.Size;
        int first = position.Exposure == 0 ? t : Math.Max(0, Math.Max(t - position.DaysInTrade, t - length + 1));
        int held = t - first + 1, at = length - held;
        int side = Math.Sign(position.Exposure);
        double entry = close[t] / (1 + side * position.UnrealizedReturn);
        for (int b = first; b < t; b++)
        {
            var state = new PositionState(position.Exposure, side * (close[b] / entry - 1), position.DaysInTrade - (t - b));
            source.Observe(b, state, destination.Slice((at + b - first) * size, size));
        }
        source.Observe(t, position, destination.Slice((length - 1) * size, size));
        return held;
    }

    /// <summary>Samples from stored trajectories (e.g. the library's best): every step's observation, or its window for a
    /// sequence model (<see cref="ObservationWindows"/>, the bars before each episode read from <paramref name="market"/>,
    /// the market the trajectories were collected on, required then), labelled with the action taken.</summary>
    public static BehaviourDataset FromTrajectories(IReadOnlyList<Trajectory> trajectories, int observationSize, ActionSpace actions,
        int sequenceLength = 1, MarketData? market = null)
    {
        var obs = new List<float>();
        var labels = new List<int>();
        foreach (var t in trajectories)
        {
            t.EnsureFits(observationSize, actions.Count);
            var windows = new float[t.Steps * observationSize * sequenceLength];
            TrajectoryWindows.Write(t, market, sequenceLength, windows);
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
