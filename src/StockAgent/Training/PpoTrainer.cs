using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;
using TorchSharp;

namespace StockAgent.Training;

/// <summary>
/// PPO, the alternative to GRPO: per-step rewards (<see cref="PpoOptions"/>), state values from the network's value
/// head at rollout time, GAE(gamma, lambda) advantages standardised over the batch, and <see cref="RlTrainer"/>'s
/// clipped surrogate + k3 KL to the reference + vf_coef x value error. Trains the LoRA adapters and the value head.
/// </summary>
public sealed class PpoTrainer : RlTrainer
{
    private readonly PpoOptions _options;

    public PpoTrainer(MarketData market, ResolvedSplit split, NeuralPolicy policy, PpoOptions options)
        : base(market, split, policy, CheckValueHead(policy, options), trainValueHead: true) => _options = options;

    private static PpoOptions CheckValueHead(NeuralPolicy policy, PpoOptions options) => policy.Network.Spec.ValueHead
        ? options
        : throw new ArgumentException("PPO needs a value head; this model was built without one (PolicyNetworkSpec.ValueHead).");

    protected override RlIterationLog Optimise(int iteration, IReadOnlyList<Trajectory> rollouts, RolloutBatch batch, double[] rewards)
    {
        var values = StateValues(batch);
        var advantages = new double[batch.Steps];
        var returns = new double[batch.Steps];
        for (int i = 0; i < rollouts.Count; i++)
        {
            var t = rollouts[i];
            int at = batch.Offsets[i], n = t.Steps;
            var r = StepRewards(t, _options);
            r[n - 1] += rewards[i];
            Gae.Compute(r, values.AsSpan(at, n), _options.Gamma, _options.GaeLambda, advantages.AsSpan(at, n), returns.AsSpan(at, n));
        }
        double mean = advantages.Average();
        double sd = Math.Sqrt(advantages.Sum(a => (a - mean) * (a - mean)) / Math.Max(1, advantages.Length - 1));
        var standardised = advantages.Select(a => (float)((a - mean) / (sd + 1e-8))).ToArray();
        return RunEpochs(iteration, batch, standardised, returns.Select(x => (float)x).ToArray(), _options.VfCoef);
    }

    /// <summary>The dense step rewards of <paramref name="t"/> (before the episode reward is added at its last step).</summary>
    internal static double[] StepRewards(Trajectory t, PpoOptions options)
    {
        var r = new double[t.Steps];
        var dsr = options.StepReward == "differential-sharpe" ? new Statistics.DifferentialSharpeRatio() : null;
        for (int k = 0; k < r.Length; k++) r[k] = options.StepRewardScale * (dsr is null ? t.Rewards[k] : dsr.Next(t.Rewards[k]));
        return r;
    }

    private double[] StateValues(RolloutBatch batch)
    {
        using var _ = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(batch.Observations, [batch.Steps, batch.Inputs], device: Policy.Device);
        var (_, value) = Policy.Network.ForwardWithValue(x);
        return value.cpu().to_type(torch.ScalarType.Float64).data<double>().ToArray();
    }
}
