namespace StockAgent.Training;

/// <summary>How centred group rewards are scaled: by their group's standard deviation (DeepSeekMath GRPO), by the
/// standard deviation of all centred rewards in the batch, or not at all.</summary>
public enum AdvantageScaling
{
    Group,
    Batch,
    None,
}
