namespace StockAgent.Training;

/// <summary>GRPO settings (<see cref="RlOptions"/> plus how group advantages are scaled). A group needs at least two
/// rollouts: GRPO compares them.</summary>
public sealed record GrpoOptions : RlOptions
{
    public override string Algorithm => "grpo";

    /// <summary>group, batch or none (<see cref="Training.AdvantageScaling"/>).</summary>
    [ConfigKey("advantage_scaling")]
    public AdvantageScaling Scaling { get; init; } = AdvantageScaling.Group;

    public override void Validate()
    {
        base.Validate();
        if (GroupSize < 2) throw new ArgumentException($"group_size must be at least 2: GRPO compares rollouts within a group (got {GroupSize}).", "group_size");
    }
}
