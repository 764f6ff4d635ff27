using TorchSharp;
using static TorchSharp.torch;

namespace StockAgent.Training;

/// <summary>
/// The GRPO objective of design.md, per step: -min(rho x A, clip(rho, 1 - eps, 1 + eps) x A) + beta x KL, with
/// rho = pi_theta / pi_old = exp(logp_new - logp_old) and the k3 estimator
/// KL = pi_ref / pi_theta - log(pi_ref / pi_theta) - 1 (zero at identity, never negative), minus an optional
/// entropy bonus. Averaged over steps. All inputs are 1-D tensors of the same length (one entry per step).
/// </summary>
public static class GrpoLoss
{
    /// <summary>k3 estimator of KL(pi_theta || pi_ref) per step from log-probabilities of the taken actions.</summary>
    public static Tensor KlK3(Tensor logpNew, Tensor logpRef)
    {
        var logRatio = logpRef - logpNew;
        return logRatio.exp() - logRatio - 1;
    }

    /// <summary>A scalar tensor of any floating type as a double.</summary>
    public static double Scalar(Tensor t)
    {
        using var d = t.detach().to_type(ScalarType.Float64);
        return d.item<double>();
    }

    public static (Tensor Loss, GrpoStepStats Stats) Compute(Tensor logpNew, Tensor logpOld, Tensor logpRef, Tensor advantages,
        double clipEps, double beta, Tensor? entropy = null, double entropyCoef = 0)
    {
        var ratio = (logpNew - logpOld).exp();
        var unclipped = ratio * advantages;
        var clipped = ratio.clamp(1 - clipEps, 1 + clipEps) * advantages;
        var policyLoss = -torch.minimum(unclipped, clipped);
        var kl = KlK3(logpNew, logpRef);
        var perStep = policyLoss + beta * kl;
        if (entropy is not null && entropyCoef != 0) perStep = perStep - entropyCoef * entropy;
        var loss = perStep.mean();
        double clipFraction;
        using (torch.no_grad())
            clipFraction = Scalar(((ratio - 1).abs() > clipEps).to_type(ScalarType.Float64).mean());
        var stats = new GrpoStepStats(Scalar(loss), Scalar(kl.mean()), clipFraction, entropy is null ? double.NaN : Scalar(entropy.mean()));
        return (loss, stats);
    }
}
