namespace StockAgent.Experiments;

/// <summary>Where and from what a <see cref="TrainingSession"/> trains: the folder that receives run folders; the model
/// to start from (GRPO/PPO: the SFT model, a run folder for its best model, or a checkpoint of the same algorithm to
/// resume); an experience library (RL appends its rollouts; with <see cref="NumTrajectories"/>, SFT clones the best N
/// and RL trains offline on the newest N); and the command line recorded in run.json.</summary>
public sealed record TrainingSessionSettings
{
    public string OutputRoot { get; init; } = "training_runs";
    public string? InitFrom { get; init; }
    public string? Library { get; init; }
    public int? NumTrajectories { get; init; }

    /// <summary>The experiment registry that records the session's best model as a trial, with its validation Sharpe
    /// (null: <c>experiments.db</c> in <see cref="OutputRoot"/>).</summary>
    public string? Registry { get; init; }

    /// <summary>The exact command that started the session (recorded for reproduction).</summary>
    public string Command { get; init; } = "";
}
