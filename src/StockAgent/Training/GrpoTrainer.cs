using System.Diagnostics;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;
using TorchSharp;
using static TorchSharp.torch;

namespace StockAgent.Training;

/// <summary>
/// Online GRPO (design.md): per iteration, sample groups of rollouts from the current policy, compute
/// group-normalised advantages, and optimise the clipped surrogate with a k3 KL penalty to the reference policy
/// (the same network with adapters off) over several epochs. Only the LoRA adapters are trained.
/// </summary>
public sealed class GrpoTrainer : IDisposable
{
    private readonly MarketData _market;
    private readonly GrpoOptions _options;
    private readonly EpisodeSampler _sampler;
    private readonly ExperienceCollector _collector;
    private readonly torch.optim.Optimizer _optimizer;

    public GrpoTrainer(MarketData market, ResolvedSplit split, NeuralPolicy policy, GrpoOptions options)
    {
        options.Validate();
        if (policy.Network.Spec.LoraRank < 1)
            throw new ArgumentException("GRPO trains LoRA adapters: the policy network needs lora_rank >= 1.");
        _market = market;
        _options = options;
        Policy = policy;
        _sampler = new EpisodeSampler(market, split, new SamplerOptions { Window = options.Window, GroupSize = options.GroupSize });
        _collector = new ExperienceCollector(market, new CollectorOptions { Reward = options.Reward, RewardName = options.RewardName });
        policy.Network.FreezeBase();
        policy.Network.AdaptersEnabled = true;
        _optimizer = torch.optim.Adam(policy.Network.AdapterParameters(), lr: options.LearningRate);
    }

    public NeuralPolicy Policy { get; }

    /// <summary>The rollouts of the last iteration (to append to the experience library).</summary>
    public IReadOnlyList<Trajectory> LastRollouts { get; private set; } = [];

    public GrpoIterationLog Step(int iteration)
    {
        var clock = Stopwatch.StartNew();
        var network = Policy.Network;
        Policy.Greedy = false;
        network.eval();
        var episodes = _sampler.Sample(_options.GroupsPerIteration * _options.GroupSize, SeedMixer.Mix(_options.Seed, iteration));
        var rollouts = _collector.Collect(Policy, episodes);
        LastRollouts = rollouts;

        var rewards = rollouts.Select(t => t.Reward).ToArray();
        var adv = GroupAdvantages.Compute(rewards, rollouts.Select(t => t.Metadata.GroupId).ToArray(), _options.Scaling);
        int steps = rollouts.Sum(t => t.Steps), size = network.Spec.Inputs;
        var obs = new float[steps * size];
        var actions = new long[steps];
        var oldLogp = new float[steps];
        var advantages = new float[steps];
        int at = 0;
        for (int i = 0; i < rollouts.Count; i++)
        {
            var t = rollouts[i];
            Policy.Metadata.Normalizer.Apply(t.Observations, obs.AsSpan(at * size, t.Steps * size));
            for (int k = 0; k < t.Steps; k++)
            {
                actions[at + k] = t.Actions[k];
                oldLogp[at + k] = (float)t.LogProbs[k];
                advantages[at + k] = (float)adv.Advantages[i];
            }
            at += t.Steps;
        }

        using var all = torch.NewDisposeScope();
        var x = torch.tensor(obs, [steps, size]);
        var a = torch.tensor(actions);
        var old = torch.tensor(oldLogp);
        var advantage = torch.tensor(advantages);
        Tensor reference;
        using (torch.no_grad())
        {
            network.AdaptersEnabled = false;
            reference = nn.functional.log_softmax(network.forward(x), 1).gather(1, a.unsqueeze(1)).squeeze(1);
            network.AdaptersEnabled = true;
        }

        network.train();
        var rng = new Random(SeedMixer.Mix(_options.Seed, iteration, 1));
        var order = Enumerable.Range(0, steps).ToArray();
        double loss = 0, kl = 0, clip = 0, entropy = 0;
        int updates = 0;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (int start = 0; start < steps; start += _options.MinibatchSteps)
            {
                using var scope = torch.NewDisposeScope();
                var idx = torch.tensor(order.AsSpan(start, Math.Min(_options.MinibatchSteps, steps - start)).ToArray().Select(i => (long)i).ToArray());
                var logits = network.forward(x.index_select(0, idx));
                var logp = nn.functional.log_softmax(logits, 1);
                var logpNew = logp.gather(1, a.index_select(0, idx).unsqueeze(1)).squeeze(1);
                var ent = -(logp.exp() * logp).sum(1);
                var (l, stats) = GrpoLoss.Compute(logpNew, old.index_select(0, idx), reference.index_select(0, idx), advantage.index_select(0, idx),
                    _options.ClipEps, _options.KlCoef, ent, _options.EntropyCoef);
                if (!double.IsFinite(stats.Loss))
                    throw new TrainingDivergedException($"GRPO loss became {stats.Loss} at iteration {iteration}, epoch {epoch + 1}; lower learning_rate or raise kl_coef.");
                _optimizer.zero_grad();
                l.backward();
                nn.utils.clip_grad_norm_(network.AdapterParameters(), _options.MaxGradNorm);
                _optimizer.step();
                loss += stats.Loss; kl += stats.Kl; clip += stats.ClipFraction; entropy += stats.Entropy;
                updates++;
            }
        }
        network.eval();
        double mean = rewards.Average();
        double sd = Math.Sqrt(rewards.Sum(r => (r - mean) * (r - mean)) / Math.Max(1, rewards.Length - 1));
        return new GrpoIterationLog(iteration, loss / updates, mean, sd, kl / updates, clip / updates, entropy / updates,
            adv.ZeroSpreadShare, rollouts.Count, clock.Elapsed.TotalSeconds);
    }

    public void Dispose() => _optimizer.Dispose();
}
