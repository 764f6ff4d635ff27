namespace StockAgent.Training;

/// <summary>The loss became NaN or infinite: training stops; the last good checkpoint is kept.</summary>
public sealed class TrainingDivergedException(string message) : InvalidOperationException(message);
