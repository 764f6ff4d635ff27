namespace StockAgent.Pipeline;

/// <summary>What the pipeline is doing, as training_state.json says it.</summary>
public static class PipelineStatus
{
    public const string Collecting = "collecting";
    public const string Training = "training";
    public const string Evaluating = "evaluating";
    public const string Confirming = "confirming";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Stopped = "stopped";
}
