namespace StockAgent.Pipeline;

/// <summary>
/// The continuous pipeline's settings, with the research plan's defaults: batches of 1,000 trajectories, a training
/// session every 5 batches (SFT once on the library's balanced top 5,000, then GRPO from the best model, 50 iterations,
/// offline on the batches since the last session), a validation check every 10 batches and after every session, until
/// the goals are met, the budget (hours, sessions) is spent or the user stops it. <see cref="Quick"/> is the
/// small-scale preset that finishes in about a minute.
/// </summary>
public sealed record PipelineSettings
{
    public string RunDirectory { get; init; } = "continuous_training";

    public PipelineGoals Goals { get; init; } = new();

    public int BatchSize { get; init; } = 1000;

    /// <summary>Batches between training sessions.</summary>
    public int TrainingInterval { get; init; } = 5;

    /// <summary>Batches between validation checks of the best model (also run after every session).</summary>
    public int EvaluationInterval { get; init; } = 10;

    public double? MaxHours { get; init; }

    public int MaxSessions { get; init; } = 10;

    /// <summary>"grpo" or "ppo" for the sessions after SFT.</summary>
    public string Algorithm { get; init; } = "grpo";

    /// <summary>RL iterations per session (the plan's 50-100).</summary>
    public int IterationsPerSession { get; init; } = 50;

    /// <summary>SFT epochs of the first session.</summary>
    public int SftEpochs { get; init; } = 8;

    /// <summary>The library's best trajectories SFT clones (the plan's get_top_trajectories(n=5000, balanced)).</summary>
    public int SftTopTrajectories { get; init; } = 5000;

    /// <summary>Episodes per GRPO group when the model collects (the rollouts offline GRPO compares).</summary>
    public int GroupSize { get; init; } = 8;

    /// <summary>RL start states per iteration (groups).</summary>
    public int GroupsPerIteration { get; init; } = 64;

    /// <summary>Hidden layer sizes of the policy network.</summary>
    public IReadOnlyList<int> Hidden { get; init; } = [64, 64];

    public int Window { get; init; } = 60;

    public int Seed { get; init; } = 7;

    /// <summary>The command that started the run, as the user typed it (recorded in the state for the report's
    /// reproducibility section; null when the pipeline is called from code).</summary>
    public string? Command { get; init; }

    /// <summary>Bootstrap resamples of the final confirmation on the test sets.</summary>
    public int Resamples { get; init; } = 10_000;

    /// <summary>The small preset: batches of 500, a session every 2 (SFT on the top 2,000, then three GRPO sessions of 10
    /// iterations), a 32x32 network, 2,000 resamples; 8 batches in all.</summary>
    public static PipelineSettings Quick(string runDirectory = "continuous_training") => new()
    {
        RunDirectory = runDirectory,
        Goals = new PipelineGoals(4_000, 1.5, 0.55),
        BatchSize = 500,
        TrainingInterval = 2,
        EvaluationInterval = 2,
        MaxSessions = 4,
        IterationsPerSession = 10,
        SftEpochs = 3,
        SftTopTrajectories = 2_000,
        GroupsPerIteration = 32,
        Hidden = [32, 32],
        Resamples = 2_000,
    };

    public void Validate()
    {
        if (Goals.Trajectories < 1) throw new ArgumentOutOfRangeException(nameof(Goals), Goals.Trajectories, "the trajectory goal must be at least 1.");
        if (!double.IsFinite(Goals.Sharpe)) throw new ArgumentOutOfRangeException(nameof(Goals), Goals.Sharpe, "the Sharpe goal must be a number.");
        if (!(Goals.WinRate >= 0 && Goals.WinRate <= 1)) throw new ArgumentOutOfRangeException(nameof(Goals), Goals.WinRate, "the win-rate goal must lie in [0, 1].");
        if (BatchSize < 1 || BatchSize > 100_000) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "the batch size must be between 1 and 100,000.");
        if (TrainingInterval < 1) throw new ArgumentOutOfRangeException(nameof(TrainingInterval), TrainingInterval, "the training interval must be at least 1 batch.");
        if (EvaluationInterval < 1) throw new ArgumentOutOfRangeException(nameof(EvaluationInterval), EvaluationInterval, "the evaluation interval must be at least 1 batch.");
        if (MaxHours is { } h && !(h > 0)) throw new ArgumentOutOfRangeException(nameof(MaxHours), h, "the time budget must be positive.");
        if (MaxSessions < 1) throw new ArgumentOutOfRangeException(nameof(MaxSessions), MaxSessions, "at least one training session is needed.");
        if (Algorithm is not ("grpo" or "ppo")) throw new ArgumentException($"the algorithm after SFT is grpo or ppo (got '{Algorithm}').", nameof(Algorithm));
        if (IterationsPerSession < 1) throw new ArgumentOutOfRangeException(nameof(IterationsPerSession), IterationsPerSession, "at least one iteration per session.");
        if (SftTopTrajectories < 1) throw new ArgumentOutOfRangeException(nameof(SftTopTrajectories), SftTopTrajectories, "SFT needs at least one trajectory.");
        if (string.IsNullOrWhiteSpace(RunDirectory)) throw new ArgumentException("the run folder must be named.", nameof(RunDirectory));
    }
}
