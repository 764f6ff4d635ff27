using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StockAgent.Training;

/// <summary>
/// Supervised fine-tuning (behaviour cloning): fits the policy network's base weights to hindsight (or teacher)
/// actions on the training period and training symbols, with the normaliser fitted on those rows only. LoRA
/// adapters are created but left untouched (and off), so the result is both the SFT policy and the reference
/// policy for RL. One <see cref="Step"/> is one epoch (Adam, cross-entropy, shuffled minibatches), so SFT runs in the
/// same <see cref="TrainingLoop"/> as RL, with validation, checkpoints and early stopping.
/// </summary>
public sealed class SftTrainer : IIterativeTrainer
{
    private readonly MarketData _market;
    private readonly ResolvedSplit _split;
    private readonly ActionSpace _actions;
    private readonly BehaviourDataset _train;
    private readonly ObservationColumns _columns;
    private readonly bool _fromTrajectories;
    private readonly float[] _x;
    private readonly int[] _order;
    private readonly Random _rng;
    private readonly OptimizerHelper _optimizer;
    private readonly Device _device;
    private int _epochsDone;

    /// <summary>Prepares SFT on hindsight (or teacher) labels of the training period, or on <paramref name="samples"/>
    /// when given (e.g. <see cref="BehaviourDataset.FromTrajectories"/> of the library's best trajectories; validation
    /// accuracy is then not measured, as the validation labels would be of another kind). The action space is
    /// <paramref name="actions"/> when given, else the options' <see cref="SftOptions.Actions"/>; the model records it and
    /// the options' volatility targeting (<see cref="SftOptions.Sizing"/>).</summary>
    public SftTrainer(MarketData market, ResolvedSplit split, SftOptions options, ActionSpace? actions = null, BehaviourDataset? samples = null)
    {
        options.Validate();
        Options = options;
        _market = market;
        _split = split;
        _actions = actions ?? options.ActionSpace();
        _fromTrajectories = samples is not null;
        _columns = ObservationColumns.Parse(options.Features);
        _train = (samples ?? BehaviourDataset.Build(market, split.TrainingSymbols, split.TrainStart, split.TrainEnd, _actions, options)).Select(_columns);
        if (_train.Count < options.BatchSize)
            throw new ArgumentException($"only {_train.Count} training samples, fewer than one batch of {options.BatchSize}; the training period is too short for SFT.");
        var normalizer = FeatureNormalizer.Fit(_train.Observations, _train.ObservationSize);

        torch.manual_seed(options.Seed);
        var spec = new PolicyNetworkSpec
        {
            Inputs = _train.ObservationSize, Hidden = options.Hidden, Actions = _actions.Count, ValueHead = true,
            Architecture = options.Architecture, SequenceLength = options.SequenceLength,
            LoraRank = options.LoraRank, LoraAlpha = options.LoraAlpha, LoraDropout = options.LoraDropout,
        };
        _device = TorchDevice.Parse(options.Device);
        var network = new PolicyNetwork(spec);
        network.to(_device);
        network.AdaptersEnabled = false;
        _x = new float[_train.Observations.Length];
        normalizer.Apply(_train.Observations, _x);
        _optimizer = torch.optim.Adam(network.BaseParameters(), lr: options.LearningRate);
        _rng = new Random(options.Seed);
        _order = Enumerable.Range(0, _train.Count).ToArray();
        var metadata = new NeuralPolicyMetadata(spec, _actions.Exposures.ToArray(), [.. _columns.Names], normalizer,
            $"sft-seed{options.Seed}", "sft", DateTimeOffset.UtcNow, options.Sizing(), options.PortfolioWeighting);
        Policy = new NeuralPolicy(network, metadata, greedy: true).To(_device);
        network.eval();
    }

    public NeuralPolicy Policy { get; }
    public SftOptions Options { get; }
    TrainingOptions IIterativeTrainer.Options => Options;
    public IReadOnlyList<Trajectory> LastRollouts => [];

    /// <summary>Training samples (labelled bars, or cloned steps).</summary>
    public int Samples => _train.Count;

    /// <summary>One epoch over the training samples; epochs run in order (a resumed trainer replays the skipped
    /// epochs' shuffles, so epoch k sees the same order as in a straight run). Returns the mean cross-entropy.</summary>
    public RlIterationLog Step(int epoch)
    {
        if (epoch <= _epochsDone) throw new ArgumentException($"epoch {epoch} has run already (next: {_epochsDone + 1}).", nameof(epoch));
        while (_epochsDone < epoch - 1)
        {
            _rng.Shuffle(_order);
            _epochsDone++;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var network = Policy.Network;
        int width = _train.RowWidth, size = Options.BatchSize;
        var batch = new float[size * width];
        var targets = new long[size];
        network.train();
        _rng.Shuffle(_order);
        double sum = 0;
        int batches = 0;
        for (int b = 0; b + size <= _order.Length; b += size)
        {
            for (int i = 0; i < size; i++)
            {
                int k = _order[b + i];
                _x.AsSpan(k * width, width).CopyTo(batch.AsSpan(i * width));
                targets[i] = _train.Labels[k];
            }
            using var scope = torch.NewDisposeScope();
            _optimizer.zero_grad();
            var logits = network.forward(torch.tensor(batch, [size, width], device: _device));
            var loss = nn.functional.cross_entropy(logits, torch.tensor(targets, device: _device));
            loss.backward();
            _optimizer.step();
            double value = GrpoLoss.Scalar(loss);
            if (!double.IsFinite(value))
            {
                network.eval();
                throw new TrainingDivergedException($"SFT loss became {value} in epoch {epoch}; lower sft_learning_rate.");
            }
            sum += value;
            batches++;
        }
        network.eval();
        _epochsDone = epoch;
        return new RlIterationLog(epoch, sum / Math.Max(1, batches), double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
            _train.Count, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Accuracy on the training labels and, with a validation period, on its labels (hindsight or teacher
    /// labels only) and the greedy validation score next to buy-and-hold's (<see cref="PolicyValidation.Score"/>: a
    /// portfolio-level model's portfolio Sharpe against the equal-weight buy-and-hold portfolio's).</summary>
    public SftReport Report(double trainLoss)
    {
        bool greedy = Policy.Greedy;
        Policy.Greedy = true;
        try
        {
            double trainAccuracy = Accuracy(Policy, _train);
            double validationAccuracy = double.NaN, validationSharpe = double.NaN, bhSharpe = double.NaN;
            int validationSamples = 0;
            if (_split.ValidationStart is { } vs && _split.ValidationEnd is { } ve)
            {
                var validation = BehaviourDataset.Build(_market, _split.TrainingSymbols, vs, ve, _actions, Options with { WarmupBars = 0 }).Select(_columns);
                validationSamples = validation.Count;
                if (validation.Count > 0 && !_fromTrajectories) validationAccuracy = Accuracy(Policy, validation);
                validationSharpe = PolicyValidation.Score(Policy, _market, _split.TrainingSymbols, vs, ve);
                bhSharpe = PolicyValidation.BuyAndHoldScore(Policy, _market, _split.TrainingSymbols, vs, ve);
            }
            return new SftReport(_train.Count, validationSamples, trainLoss, trainAccuracy, validationAccuracy, validationSharpe, bhSharpe);
        }
        finally
        {
            Policy.Greedy = greedy;
        }
    }

    /// <summary>Trains every epoch in one call and reports (no run folder): for tests, benches and quick scripts.
    /// The caller owns the returned policy.</summary>
    public static (NeuralPolicy Policy, SftReport Report) Train(MarketData market, ResolvedSplit split, SftOptions options,
        ActionSpace? actions = null, Action<int, double>? onEpoch = null, BehaviourDataset? samples = null)
    {
        using var trainer = new SftTrainer(market, split, options, actions, samples);
        double loss = double.NaN;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            loss = trainer.Step(epoch).Loss;
            onEpoch?.Invoke(epoch, loss);
        }
        return (trainer.Policy, trainer.Report(loss));
    }

    public void SaveOptimizer(string path) => OptimizerState.Save(_optimizer, path);

    public void LoadOptimizer(string path) => OptimizerState.Load(_optimizer, path, "SFT", Options.LearningRate);

    public void Dispose() => _optimizer.Dispose();

    private static double Accuracy(NeuralPolicy policy, BehaviourDataset data)
    {
        var decisions = new PolicyDecision[data.Count];
        policy.DecideBatch(data.Observations, data.Count, decisions);
        int hits = 0;
        for (int i = 0; i < data.Count; i++) if (decisions[i].Action == data.Labels[i]) hits++;
        return (double)hits / data.Count;
    }
}
