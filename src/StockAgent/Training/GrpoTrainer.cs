using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Market;

namespace StockAgent.Training;

/// <summary>
/// GRPO (design.md): each trajectory's advantage is its reward normalised within its group of rollouts from the same
/// start state (<see cref="GroupAdvantages"/>), applied to every step; the update is <see cref="RlTrainer"/>'s clipped
/// surrogate with a k3 KL penalty to the reference policy. Only the LoRA adapters are trained.
/// </summary>
public sealed class GrpoTrainer : RlTrainer
{
    private readonly AdvantageScaling _scaling;

    public GrpoTrainer(MarketData market, ResolvedSplit split, NeuralPolicy policy, GrpoOptions options)
        : base(market, split, policy, options, trainValueHead: false) => _scaling = options.Scaling;

    protected override RlIterationLog Optimise(int iteration, IReadOnlyList<Trajectory> rollouts, RolloutBatch batch, double[] rewards)
    {
        var adv = GroupAdvantages.Compute(rewards, rollouts.Select(t => t.Metadata.GroupId).ToArray(), _scaling);
        var perStep = new float[batch.Steps];
        for (int i = 0; i < rollouts.Count; i++)
            perStep.AsSpan(batch.Offsets[i], batch.Offsets[i + 1] - batch.Offsets[i]).Fill((float)adv.Advantages[i]);
        return RunEpochs(iteration, batch, perStep) with { ZeroSpreadShare = adv.ZeroSpreadShare };
    }
}
