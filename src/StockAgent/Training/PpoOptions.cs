namespace StockAgent.Training;

/// <summary>
/// PPO settings (<see cref="RlOptions"/> plus the critic). Step t of an episode of T steps earns
/// r_t = <see cref="StepRewardScale"/> x (equity return from t's close to t+1's) plus, at t = T - 1, the episode reward
/// from the reward function, so PPO optimises the same objective as GRPO (with optional dense shaping). Advantages are
/// GAE(<see cref="Gamma"/>, <see cref="GaeLambda"/>) from the value head, standardised over the batch; the loss adds
/// <see cref="VfCoef"/> x the squared error of the value head against the GAE returns.
/// </summary>
public sealed record PpoOptions : RlOptions
{
    public override string Algorithm => "ppo";
    public double VfCoef { get; init; } = 0.15;
    public double Gamma { get; init; } = 0.99;
    public double GaeLambda { get; init; } = 0.95;
    public double StepRewardScale { get; init; }

    public override void Validate()
    {
        base.Validate();
        Check.Range(VfCoef, 0, 1e6, "vf_coef");
        Check.Range(Gamma, 0, 1, "gamma");
        Check.Range(GaeLambda, 0, 1, "gae_lambda");
        Check.Range(StepRewardScale, -1e6, 1e6, "step_reward_scale");
    }
}
