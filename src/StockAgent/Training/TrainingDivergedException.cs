namespace StockAgent.Training;

/// <summary>The loss became NaN or infinite: training stops; the last good checkpoint is kept. This is the model's
/// failure on these settings, not bad input and not a bug in the kit.</summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    public TrainingDivergedException(string message) : base(message) { }

    public TrainingDivergedException(string message, Exception inner) : base(message, inner) { }
}
