using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Market;
using TorchSharp;
using static TorchSharp.torch;

namespace StockAgent.Training;

/// <summary>
/// Supervised fine-tuning (behaviour cloning): fits the policy network's base weights to hindsight (or teacher)
/// actions on the training period and training symbols, with the normaliser fitted on those rows only. LoRA
/// adapters are created but left untouched (and off), so the result is both the SFT policy and the reference
/// policy for RL.
/// </summary>
public static class SftTrainer
{
    /// <summary>Trains on hindsight (or teacher) labels of the training period, or on <paramref name="samples"/> when given
    /// (e.g. <see cref="BehaviourDataset.FromTrajectories"/> of the library's best trajectories; validation accuracy is then
    /// not measured, as the validation labels would be of another kind).</summary>
    public static (NeuralPolicy Policy, SftReport Report) Train(MarketData market, ResolvedSplit split, SftOptions options,
        ActionSpace? actions = null, Action<int, double>? onEpoch = null, BehaviourDataset? samples = null)
    {
        actions ??= ActionSpace.LongOnly;
        var train = samples ?? BehaviourDataset.Build(market, split.TrainingSymbols, split.TrainStart, split.TrainEnd, actions, options);
        if (train.Count < options.BatchSize)
            throw new InvalidOperationException($"only {train.Count} training samples; the training period is too short for SFT.");
        var normalizer = FeatureNormalizer.Fit(train.Observations, train.ObservationSize);

        torch.manual_seed(options.Seed);
        var spec = new PolicyNetworkSpec
        {
            Inputs = train.ObservationSize, Hidden = options.Hidden, Actions = actions.Count, ValueHead = true,
            Architecture = options.Architecture, SequenceLength = options.SequenceLength,
            LoraRank = options.LoraRank, LoraAlpha = options.LoraAlpha, LoraDropout = options.LoraDropout,
        };
        var device = TorchDevice.Parse(options.Device);
        var network = new PolicyNetwork(spec);
        network.to(device);
        network.AdaptersEnabled = false;
        var x = new float[train.Observations.Length];
        normalizer.Apply(train.Observations, x);

        using var optimizer = torch.optim.Adam(network.BaseParameters(), lr: options.LearningRate);
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        double lastLoss = double.NaN;
        int width = train.RowWidth;
        var batch = new float[options.BatchSize * width];
        var targets = new long[options.BatchSize];
        network.train();
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double sum = 0;
            int batches = 0;
            for (int b = 0; b + options.BatchSize <= order.Length; b += options.BatchSize)
            {
                for (int i = 0; i < options.BatchSize; i++)
                {
                    int k = order[b + i];
                    x.AsSpan(k * width, width).CopyTo(batch.AsSpan(i * width));
                    targets[i] = train.Labels[k];
                }
                using var scope = torch.NewDisposeScope();
                optimizer.zero_grad();
                var logits = network.forward(torch.tensor(batch, [options.BatchSize, width], device: device));
                var loss = nn.functional.cross_entropy(logits, torch.tensor(targets, device: device));
                loss.backward();
                optimizer.step();
                double value = GrpoLoss.Scalar(loss);
                if (!double.IsFinite(value)) throw new InvalidOperationException($"SFT loss became {value} in epoch {epoch + 1}; lower the learning rate.");
                sum += value;
                batches++;
            }
            lastLoss = sum / Math.Max(1, batches);
            onEpoch?.Invoke(epoch + 1, lastLoss);
        }
        network.eval();

        var metadata = new NeuralPolicyMetadata(spec, actions.Exposures.ToArray(), MarketObservations.Names.ToArray(), normalizer,
            $"sft-seed{options.Seed}", "sft", DateTimeOffset.UtcNow);
        var policy = new NeuralPolicy(network, metadata, greedy: true).To(device);
        double trainAccuracy = Accuracy(policy, train);
        double validationAccuracy = double.NaN, validationSharpe = double.NaN, bhSharpe = double.NaN;
        int validationSamples = 0;
        if (split.ValidationStart is { } vs && split.ValidationEnd is { } ve)
        {
            var validation = BehaviourDataset.Build(market, split.TrainingSymbols, vs, ve, actions, options with { WarmupBars = 0 });
            validationSamples = validation.Count;
            if (validation.Count > 0 && samples is null) validationAccuracy = Accuracy(policy, validation);
            validationSharpe = PolicyValidation.MeanSharpe(policy, market, split.TrainingSymbols, vs, ve);
            bhSharpe = PolicyValidation.MeanSharpe(new BuyAndHoldPolicy(), market, split.TrainingSymbols, vs, ve);
        }
        return (policy, new SftReport(train.Count, validationSamples, lastLoss, trainAccuracy, validationAccuracy, validationSharpe, bhSharpe));
    }

    private static double Accuracy(NeuralPolicy policy, BehaviourDataset data)
    {
        var decisions = new PolicyDecision[data.Count];
        policy.DecideBatch(data.Observations, data.Count, decisions);
        int hits = 0;
        for (int i = 0; i < data.Count; i++) if (decisions[i].Action == data.Labels[i]) hits++;
        return (double)hits / data.Count;
    }
}
