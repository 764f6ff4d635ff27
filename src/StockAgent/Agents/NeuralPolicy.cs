using System.Text.Json;
using StockAgent.Features;
using StockAgent.IO;
using StockAgent.Market;
using TorchSharp;
using static TorchSharp.torch;

namespace StockAgent.Agents;

/// <summary>
/// The trained agent as an <see cref="IPolicy"/>: normalises the observation, runs the <see cref="PolicyNetwork"/>
/// and samples an action from its categorical distribution with the episode's seeded generator (or takes the
/// most probable action when <see cref="Greedy"/>). <see cref="DecideBatch"/> infers many rows in one pass;
/// <see cref="DecideSessions"/> decides for many episodes at once with each episode's own generator and window.
/// The network reads the observation columns its metadata names (<see cref="Columns"/>, a subset of
/// <see cref="MarketObservations.Names"/> in the model's order): the sessions (<see cref="IPolicySession.Decide"/>,
/// <see cref="DecideSessions"/>) take full observations and select them; <see cref="DecideBatch"/> and
/// <see cref="LogProbabilities"/> take the network's own input rows (callers select with <see cref="Columns"/>).
/// Saved as a folder: model.weights (TorchSharp) and model.json (<see cref="NeuralPolicyMetadata"/>); loading refuses
/// a model that names a column this version does not build.
/// With <see cref="NeuralPolicyMetadata.Sizing"/> a session's decision (<see cref="IPolicySession.Decide"/> and
/// <see cref="DecideSessions"/>) carries the sized exposure (<see cref="VolatilityTarget.Size"/> at the decision's bar, from
/// the session's closes up to it) as <see cref="PolicyDecision.TargetExposure"/>, while its action index, confidence and
/// log-probability stay the categorical choice's (so RL's importance ratios are unchanged); <see cref="DecideBatch"/>,
/// which sees raw rows without a bar, gives the unsized exposures.
/// </summary>
public sealed class NeuralPolicy : IBatchPolicy, IDisposable
{
    public const string WeightsFile = "model.weights";
    public const string MetadataFile = "model.json";
    // Named literals: an unclipped normaliser (FeatureNormalizer.Identity) has an infinite clip, written "Infinity".
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public NeuralPolicy(PolicyNetwork network, NeuralPolicyMetadata metadata, bool greedy = false)
    {
        if (metadata.Actions.Length != network.Spec.Actions)
            throw new ArgumentException($"the network has {network.Spec.Actions} outputs but {metadata.Actions.Length} actions are given.");
        if (metadata.Normalizer.Size != network.Spec.Inputs)
            throw new ArgumentException($"the network takes {network.Spec.Inputs} inputs but the normaliser has {metadata.Normalizer.Size}.");
        Columns = ObservationColumns.Of(metadata.ObservationNames ?? []);
        if (Columns.Count != network.Spec.Inputs)
            throw new ArgumentException($"the network takes {network.Spec.Inputs} inputs but the metadata names {Columns.Count} observation columns.");
        Network = network;
        Metadata = metadata;
        Actions = new ActionSpace(metadata.Actions);
        Greedy = greedy;
    }

    public PolicyNetwork Network { get; }
    public NeuralPolicyMetadata Metadata { get; }

    /// <summary>The columns of the full observation the network reads, in its order (<see cref="NeuralPolicyMetadata.ObservationNames"/>).</summary>
    public ObservationColumns Columns { get; }

    /// <summary>Values per observation the sessions take: the full observation, or the network's inputs when it reads
    /// all of it.</summary>
    private int ObservationSize => Columns.IsAll ? Network.Spec.Inputs : ObservationColumns.FullSize;
    public string Id => "neural-" + Metadata.Algorithm;
    public string Version => Metadata.Version;
    public ActionSpace Actions { get; }
    public bool Greedy { get; set; }

    /// <summary>Where the network's weights live (CPU, or a CUDA device after <see cref="To"/>); inputs are sent there.</summary>
    public Device Device { get; private set; } = torch.CPU;

    /// <summary>Moves the network to <paramref name="device"/> (see <see cref="TorchDevice.Parse"/>).</summary>
    public NeuralPolicy To(Device device)
    {
        Network.to(device);
        Device = device;
        return this;
    }

    public IPolicySession Begin(PriceSeries series, int seed) => new Session(this, new Random(seed), series.Close);

    /// <summary>Decides for <paramref name="rows"/> input rows (row-major, raw, not normalised; a row is one observation,
    /// or a window of <see cref="PolicyNetworkSpec.SequenceLength"/> for the GRU, see <see cref="ObservationWindows"/>);
    /// <paramref name="rngs"/> gives one generator per row for sampling (ignored when greedy).</summary>
    public void DecideBatch(ReadOnlySpan<float> observations, int rows, Span<PolicyDecision> output, IReadOnlyList<Random>? rngs = null) =>
        DecideBatch(observations, rows, output, rngs, null);

    private void DecideBatch(ReadOnlySpan<float> observations, int rows, Span<PolicyDecision> output, IReadOnlyList<Random>? rngs, Action<float[]>? seen)
    {
        int k = Actions.Count;
        var logp = LogProbabilities(observations, rows);
        seen?.Invoke(logp);
        for (int r = 0; r < rows; r++)
        {
            var row = logp.AsSpan(r * k, k);
            int a = 0;
            if (Greedy || rngs is null)
            {
                for (int j = 1; j < k; j++) if (row[j] > row[a]) a = j;
            }
            else
            {
                double u = rngs[r].NextDouble(), c = 0;
                for (a = 0; a < k - 1; a++)
                {
                    c += Math.Exp(row[a]);
                    if (u < c) break;
                }
            }
            output[r] = new PolicyDecision(a, Actions.Exposures[a], Math.Exp(row[a]), row[a]);
        }
    }

    /// <summary>Decides for many sessions in one forward pass: each session's input row (its window for the GRU) is built
    /// from its step's observation (a full observation row), bar and source as <see cref="IPolicySession.Decide"/> builds it, and each samples with
    /// its own generator.</summary>
    public void DecideSessions(ReadOnlySpan<SessionStep> steps, ReadOnlySpan<float> observations, Span<PolicyDecision> output) =>
        DecideSessions(steps, observations, output, null);

    /// <summary><see cref="DecideSessions(ReadOnlySpan{SessionStep}, ReadOnlySpan{float}, Span{PolicyDecision})"/> that also
    /// returns every row's natural-log probabilities of all actions, row-major [rows x actions] (the portfolio policy's
    /// expected exposures come from them).</summary>
    public float[] DecideSessionsWithProbabilities(ReadOnlySpan<SessionStep> steps, ReadOnlySpan<float> observations, Span<PolicyDecision> output)
    {
        float[]? logp = null;
        DecideSessions(steps, observations, output, l => logp = l);
        return logp!;
    }

    private void DecideSessions(ReadOnlySpan<SessionStep> steps, ReadOnlySpan<float> observations, Span<PolicyDecision> output, Action<float[]>? seen)
    {
        int rows = steps.Length, size = ObservationSize, width = Network.Spec.RowWidth;
        if (observations.Length != rows * size)
            throw new ArgumentException($"expected {rows} observations of {size} values, got {observations.Length} values.", nameof(observations));
        if (output.Length < rows)
            throw new ArgumentException($"{rows} decisions need {rows} places of output (got {output.Length}).", nameof(output));
        var inputs = new float[rows * width];
        var rngs = new Random[rows];
        for (int r = 0; r < rows; r++)
        {
            if (steps[r].Session is not Session session || session.Policy != this)
                throw new ArgumentException($"session {r} was not begun by this policy.", nameof(steps));
            session.Input(steps[r].Bar, steps[r].Source, observations.Slice(r * size, size)).CopyTo(inputs.AsSpan(r * width, width));
            rngs[r] = session.Rng;
        }
        DecideBatch(inputs, rows, output, Greedy ? null : rngs, seen);
        if (Metadata.Sizing is null) return;
        for (int r = 0; r < rows; r++) output[r] = ((Session)steps[r].Session).Sized(output[r], steps[r].Bar);
    }

    /// <summary>For tests: receives a copy of every batch of raw input rows the network is about to be fed.</summary>
    internal Action<float[]>? InputsSeen { get; set; }

    /// <summary>Natural-log action probabilities for <paramref name="rows"/> raw input rows, row-major [rows x actions].</summary>
    public float[] LogProbabilities(ReadOnlySpan<float> observations, int rows)
    {
        int inputs = Network.Spec.RowWidth;
        if (observations.Length != rows * inputs)
            throw new ArgumentException($"expected {rows} observations of {inputs} values, got {observations.Length} values.");
        InputsSeen?.Invoke(observations.ToArray());
        var normalised = new float[observations.Length];
        Metadata.Normalizer.Apply(observations, normalised);
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            var x = torch.tensor(normalised, [rows, inputs], device: Device);
            return nn.functional.log_softmax(Network.forward(x), 1).cpu().data<float>().ToArray();
        }
    }

    /// <summary>Saves weights and metadata (<paramref name="metadata"/> instead of this policy's, e.g. to record the
    /// algorithm and iteration that produced the weights).</summary>
    public void Save(string directory, NeuralPolicyMetadata? metadata = null)
    {
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, WeightsFile);
        var tmp = weights + $".{Guid.NewGuid():N}.tmp";
        Network.save(tmp);
        File.Move(tmp, weights, overwrite: true);
        AtomicFile.WriteAllText(Path.Combine(directory, MetadataFile), JsonSerializer.Serialize(metadata ?? Metadata, Json));
    }

    public static NeuralPolicy Load(string directory, bool greedy = false)
    {
        var metaPath = Path.Combine(directory, MetadataFile);
        var weights = Path.Combine(directory, WeightsFile);
        if (!File.Exists(metaPath) || !File.Exists(weights))
            throw new FileNotFoundException($"'{directory}' is not a saved model: it needs {MetadataFile} and {WeightsFile}.");
        NeuralPolicyMetadata metadata;
        try
        {
            metadata = JsonSerializer.Deserialize<NeuralPolicyMetadata>(File.ReadAllText(metaPath), Json)
                ?? throw new InvalidDataException($"{metaPath} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{metaPath}: not valid model metadata ({ex.Message}).", ex);
        }
        string[] saved = metadata.ObservationNames ?? [];
        var missing = saved.Where(n => !MarketObservations.Names.Contains(n)).ToList();
        if (missing.Count > 0 || saved.Length == 0)
            throw new InvalidDataException($"model '{directory}' reads observation column(s) [{string.Join(", ", missing)}] that this version " +
                $"does not build (it builds [{string.Join(", ", MarketObservations.Names)}]); retrain it.");
        if (saved.Length != metadata.Spec.Inputs)
            throw new InvalidDataException($"{metaPath}: the network takes {metadata.Spec.Inputs} inputs but {saved.Length} observation names are given.");
        var network = new PolicyNetwork(metadata.Spec);
        network.load(weights);
        network.eval();
        return new NeuralPolicy(network, metadata, greedy);
    }

    public void Dispose() => Network.Dispose();

    /// <summary>One episode: for a sequence model it keeps the episode's last observations and feeds the window of
    /// <see cref="ObservationWindows"/> (the bars before the episode's first come from the context's source).</summary>
    private sealed class Session(NeuralPolicy policy, Random rng, double[] close) : IPolicySession, IProbabilisticSession
    {
        public NeuralPolicy Policy => policy;
        public Random Rng => rng;
        private readonly PolicyDecision[] _one = new PolicyDecision[1];
        private readonly Random[] _rngs = [rng];
        private readonly float[] _recent = new float[policy.Network.Spec.RowWidth];
        private readonly float[] _window = new float[policy.Network.Spec.RowWidth];
        private readonly float[] _selected = new float[policy.Network.Spec.Inputs];
        private int _have, _lastBar;
        private IObservationSource? _source;

        public PolicyDecision Decide(in DecisionContext context)
        {
            policy.DecideBatch(Input(context.Bar, context.Source, context.Observation), 1, _one, policy.Greedy ? null : _rngs);
            return Sized(_one[0], context.Bar);
        }

        /// <summary>The decision with its exposure sized at <paramref name="bar"/> (unchanged without sizing).</summary>
        public PolicyDecision Sized(in PolicyDecision decision, int bar) => policy.Metadata.Sizing is { } sizing
            ? decision with { TargetExposure = sizing.Size(decision.TargetExposure, close, bar) }
            : decision;

        public float[] LogProbabilities(in DecisionContext context) =>
            policy.LogProbabilities(Input(context.Bar, context.Source, context.Observation), 1);

        /// <summary>The network's input row at <paramref name="bar"/> from the full <paramref name="observation"/> (the
        /// model's columns of it); for a sequence model it records the observation.</summary>
        public ReadOnlySpan<float> Input(int bar, IObservationSource? source, ReadOnlySpan<float> observation)
        {
            var spec = policy.Network.Spec;
            var columns = policy.Columns;
            if (!columns.IsAll)
            {
                if (observation.Length != ObservationColumns.FullSize)
                    throw new ArgumentException($"expected a full observation of {ObservationColumns.FullSize} values, got {observation.Length}.", nameof(observation));
                columns.Select(observation, _selected);
                observation = _selected;
            }
            if (spec.SequenceLength == 1) return observation;
            int size = spec.Inputs;
            if (observation.Length != size)
                throw new ArgumentException($"expected an observation of {size} values, got {observation.Length}.", nameof(observation));
            if (_have > 0 && bar != _lastBar + 1)
                throw new ArgumentException($"a sequence model decides at consecutive bars of its episode (bar {bar} after {_lastBar}).", nameof(bar));
            if (_have == 0 && source is null)
                throw new ArgumentNullException(nameof(source), $"the {spec.Architecture} over {spec.SequenceLength} bars reads the bars before its episode from the " +
                    "observation source: decide with a DecisionContext (or SessionStep) that carries it.");
            if (_have == 0) _source = columns.Over(source!);
            if (_have == spec.SequenceLength) _recent.AsSpan(size).CopyTo(_recent);
            else _have++;
            observation.CopyTo(_recent.AsSpan((_have - 1) * size, size));
            _lastBar = bar;
            ObservationWindows.Fill(_source, size, bar, _recent.AsSpan(0, _have * size), spec.SequenceLength, _window);
            return _window;
        }
    }
}
