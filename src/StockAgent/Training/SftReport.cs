namespace StockAgent.Training;

/// <summary>What SFT measured: samples, final training loss, accuracy on training and validation labels, and the
/// validation Sharpe (mean over validation-period backtests of the training symbols, greedy policy) with the
/// same for buy-and-hold as a yardstick.</summary>
public sealed record SftReport(int TrainSamples, int ValidationSamples, double TrainLoss, double TrainAccuracy,
    double ValidationAccuracy, double ValidationSharpe, double ValidationBuyAndHoldSharpe);
