using System.Diagnostics;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StockAgent.Training;

/// <summary>
/// What GRPO and PPO share: online rollouts of the current (sampling) policy from start states drawn from the training
/// split, and the clipped, KL-controlled optimisation of the LoRA adapters (plus, for PPO, the value head) over several
/// epochs of shuffled minibatches. The base network stays frozen, so the reference policy (adapters off) is the
/// starting SFT policy throughout. <see cref="Update"/> also serves offline training on stored trajectories.
/// </summary>
public abstract class RlTrainer : IIterativeTrainer
{
    private readonly MarketData _market;
    private readonly EpisodeSampler _sampler;
    private readonly ExperienceCollector _collector;
    private readonly OptimizerHelper _optimizer;
    private readonly IReadOnlyList<Parameter> _trainable;

    protected RlTrainer(MarketData market, ResolvedSplit split, NeuralPolicy policy, RlOptions options, bool trainValueHead)
    {
        options.Validate();
        if (policy.Network.Spec.LoraRank < 1)
            throw new ArgumentException("RL trains LoRA adapters: the policy network needs lora_rank >= 1.");
        Options = options;
        Policy = policy;
        _market = market;
        _sampler = new EpisodeSampler(market, split, new SamplerOptions { Window = options.Window, GroupSize = options.GroupSize });
        _collector = new ExperienceCollector(market, new CollectorOptions { Reward = options.Reward, RewardName = options.RewardName });
        policy.Network.FreezeBase();
        policy.Network.AdaptersEnabled = true;
        var trainable = policy.Network.AdapterParameters().ToList();
        if (trainValueHead)
        {
            var head = policy.Network.ValueHeadParameters().ToList();
            foreach (var p in head) p.requires_grad = true;
            trainable.AddRange(head.Where(p => !trainable.Contains(p)));
        }
        _trainable = trainable;
        _optimizer = torch.optim.Adam(trainable, lr: options.LearningRate);
    }

    public NeuralPolicy Policy { get; }
    public RlOptions Options { get; }
    TrainingOptions IIterativeTrainer.Options => Options;

    /// <summary>Offline training: the batch of iteration i (e.g. <see cref="LibraryReplay.Batch"/>) replaces fresh
    /// rollouts in <see cref="Step"/>; null: online.</summary>
    public Func<int, IReadOnlyList<Trajectory>>? Offline { get; init; }

    /// <summary>The rollouts of the last online iteration (to append to the experience library).</summary>
    public IReadOnlyList<Trajectory> LastRollouts { get; private set; } = [];

    /// <summary>One iteration: fresh rollouts of the current policy, then <see cref="Update"/> on them; offline, an
    /// update on <see cref="Offline"/>'s batch.</summary>
    public virtual RlIterationLog Step(int iteration)
    {
        if (Offline is not null)
        {
            LastRollouts = [];
            return Update(iteration, Offline(iteration));
        }
        var clock = Stopwatch.StartNew();
        Policy.Greedy = false;
        Policy.Network.eval();
        var episodes = _sampler.Sample(Options.TrajectoriesPerIteration, SeedMixer.Mix(Options.Seed, iteration));
        LastRollouts = _collector.Collect(Policy, episodes);
        return Update(iteration, LastRollouts) with { Seconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>One optimisation round on <paramref name="rollouts"/> (online rollouts or trajectories from the library;
    /// their stored log-probabilities are pi_old; a sequence model's windows read the bars before each episode from this
    /// trainer's market, which must be the one they were collected on). Rewards are recomputed from episode stats with the configured reward.</summary>
    public RlIterationLog Update(int iteration, IReadOnlyList<Trajectory> rollouts)
    {
        if (rollouts.Count == 0) throw new ArgumentException("an RL update needs at least one trajectory.");
        var clock = Stopwatch.StartNew();
        var batch = RolloutBatch.From(rollouts, Policy, _market);
        var rewards = rollouts.Select(t => Options.Reward(t.Stats)).ToArray();
        for (int i = 0; i < rewards.Length; i++)
            if (!double.IsFinite(rewards[i]))
            {
                var m = rollouts[i].Metadata;
                throw new InvalidOperationException(System.FormattableString.Invariant(
                    $"reward {Options.RewardName} gave {rewards[i]} for the episode of {m.Symbol} from {m.Start:yyyy-MM-dd}; a reward must be finite to train on (check the reward function and the episode's stats)."));
            }
        var log = Optimise(iteration, rollouts, batch, rewards);
        double mean = rewards.Average();
        double sd = Math.Sqrt(rewards.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, rewards.Length - 1));
        return log with { RewardMean = mean, RewardStd = sd, Trajectories = rollouts.Count, Seconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>Computes per-step advantages (and value targets for PPO) and runs <see cref="RunEpochs"/>.</summary>
    protected abstract RlIterationLog Optimise(int iteration, IReadOnlyList<Trajectory> rollouts, RolloutBatch batch, double[] rewards);

    /// <summary>
    /// Epochs of shuffled minibatch updates of the clipped surrogate + beta x k3 KL to the reference (adapters off)
    /// - entropy bonus, + <paramref name="vfCoef"/> x the value head's squared error against <paramref name="returns"/>
    /// when given. Returns the mean loss, KL, clip fraction, entropy and value loss over updates.
    /// </summary>
    protected RlIterationLog RunEpochs(int iteration, RolloutBatch batch, float[] advantages, float[]? returns = null, double vfCoef = 0)
    {
        var network = Policy.Network;
        var device = Policy.Device;
        int steps = batch.Steps;
        using var all = torch.NewDisposeScope();
        var x = torch.tensor(batch.Observations, [steps, batch.Inputs], device: device);
        var a = torch.tensor(batch.Actions, device: device);
        var old = torch.tensor(batch.OldLogProbs, device: device);
        var advantage = torch.tensor(advantages, device: device);
        var target = returns is null ? null : torch.tensor(returns, device: device);
        Tensor reference;
        using (torch.no_grad())
        {
            network.AdaptersEnabled = false;
            reference = nn.functional.log_softmax(network.forward(x), 1).gather(1, a.unsqueeze(1)).squeeze(1);
            network.AdaptersEnabled = true;
        }

        network.train();
        var rng = new Random(SeedMixer.Mix(Options.Seed, iteration, 1));
        var order = new long[steps];
        for (int i = 0; i < steps; i++) order[i] = i;
        double loss = 0, kl = 0, clip = 0, entropy = 0, valueLoss = 0;
        int updates = 0;
        for (int epoch = 0; epoch < Options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (int start = 0; start < steps; start += Options.MinibatchSteps)
            {
                using var scope = torch.NewDisposeScope();
                var idx = torch.tensor(order.AsSpan(start, Math.Min(Options.MinibatchSteps, steps - start)).ToArray(), device: device);
                var xb = x.index_select(0, idx);
                Tensor logits, value = null!;
                if (target is null) logits = network.forward(xb);
                else (logits, value) = network.ForwardWithValue(xb);
                var logp = nn.functional.log_softmax(logits, 1);
                var logpNew = logp.gather(1, a.index_select(0, idx).unsqueeze(1)).squeeze(1);
                var ent = -(logp.exp() * logp).sum(1);
                var (l, stats) = GrpoLoss.Compute(logpNew, old.index_select(0, idx), reference.index_select(0, idx), advantage.index_select(0, idx),
                    Options.ClipEps, Options.KlCoef, ent, Options.EntropyCoef);
                double vl = 0;
                if (target is not null)
                {
                    var mse = (value - target.index_select(0, idx)).pow(2).mean();
                    vl = GrpoLoss.Scalar(mse);
                    l = l + vfCoef * mse;
                }
                if (!double.IsFinite(stats.Loss) || !double.IsFinite(vl))
                    throw new TrainingDivergedException($"{GetType().Name.Replace("Trainer", "")} loss became {(double.IsFinite(stats.Loss) ? vl : stats.Loss)} at iteration {iteration}, epoch {epoch + 1}; lower learning_rate or raise kl_coef.");
                _optimizer.zero_grad();
                l.backward();
                nn.utils.clip_grad_norm_(_trainable, Options.MaxGradNorm);
                _optimizer.step();
                loss += stats.Loss + vfCoef * vl; kl += stats.Kl; clip += stats.ClipFraction; entropy += stats.Entropy; valueLoss += vl;
                updates++;
            }
        }
        network.eval();
        return new RlIterationLog(iteration, loss / updates, double.NaN, double.NaN, kl / updates, clip / updates, entropy / updates,
            double.NaN, batch.Trajectories, 0, target is null ? double.NaN : valueLoss / updates);
    }

    /// <summary>Writes Adam's state (moments and step counts of the trainable parameters) to <paramref name="path"/>.</summary>
    public void SaveOptimizer(string path) => OptimizerState.Save(_optimizer, path);

    /// <summary>Restores Adam's state saved by <see cref="SaveOptimizer"/> from a trainer of the same algorithm and
    /// network; the learning rate stays this trainer's (<see cref="RlOptions.LearningRate"/>).</summary>
    public void LoadOptimizer(string path) => OptimizerState.Load(_optimizer, path, GetType().Name.Replace("Trainer", ""), Options.LearningRate);

    public void Dispose()
    {
        _optimizer.Dispose();
        GC.SuppressFinalize(this);
    }
}
