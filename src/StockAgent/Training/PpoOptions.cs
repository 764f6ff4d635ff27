namespace StockAgent.Training;

/// <summary>
/// PPO settings (<see cref="RlOptions"/> plus the critic). Step t of an episode of T steps earns
/// r_t = <see cref="StepRewardScale"/> x (equity return from t's close to t+1's, or with <see cref="StepReward"/>
/// differential-sharpe Moody and Saffell's differential Sharpe ratio D_t of that return, eta 0.05) plus, at t = T - 1, the episode reward
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

    /// <summary>What the dense step reward is: "return" (the step's equity return) or "differential-sharpe" (its D_t).</summary>
    public string StepReward { get; init; } = "return";

    public static IReadOnlyList<string> StepRewards { get; } = ["return", "differential-sharpe"];

    public override void Validate()
    {
        base.Validate();
        Check.Range(VfCoef, 0, 1e6, "vf_coef");
        Check.Range(Gamma, 0, 1, "gamma");
        Check.Range(GaeLambda, 0, 1, "gae_lambda");
        Check.Range(StepRewardScale, -1e6, 1e6, "step_reward_scale");
        if (!StepRewards.Contains(StepReward))
            throw new ArgumentException($"step_reward must be {string.Join(" or ", StepRewards)} (got '{StepReward}').", "step_reward");
    }
}
