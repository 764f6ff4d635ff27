using StockAgent.Training;

namespace StockAgent.Experiments;

/// <summary>How a training session ended: its run folder, the model validation chose (models/best: what a run reports
/// and the next step uses) and the final one, iterations run, the best validation Sharpe with buy-and-hold's on the same
/// symbols and period as a yardstick, whether early stopping ended it, SFT's report, and the wall time.</summary>
public sealed record TrainingSessionResult(
    string Algorithm,
    string RunDirectory,
    string BestModel,
    string FinalModel,
    int Iterations,
    double? BestValidationSharpe,
    double BuyAndHoldValidationSharpe,
    bool StoppedEarly,
    SftReport? Sft,
    double Seconds);
