using StockAgent.Statistics;
using StockAgent.Evaluation;
using System.Diagnostics;
using StockAgent.Agents;
using StockAgent.Experience;
using StockAgent.Features;
using StockAgent.Training;

namespace StockAgent.Experiments;

/// <summary>
/// One training run of SFT, GRPO or PPO on an <see cref="ExperimentContext"/>: it chooses the trainer, applies the
/// resuming rules (a checkpoint of the same algorithm carries its iteration, Adam state and early-stopping record; any
/// other model gives weights only), checks every input before it makes the run folder (so bad input leaves no empty
/// run), writes run.json, config.yaml and split.yaml, and runs <see cref="TrainingLoop"/> with validation on the
/// split's validation period, models/best, checkpoints and early stopping. <c>stockagent train</c>, notebook 02 and the
/// pipeline all train through it.
/// </summary>
public sealed class TrainingSession : IDisposable
{
    private readonly ExperimentContext _context;
    private readonly TrainingOptions _options;
    private readonly TrainingSessionSettings _settings;
    private readonly Action<string>? _log;
    private readonly IIterativeTrainer _trainer;
    private readonly ExperienceLibrary? _library;
    private readonly ResumeState? _resume;
    private readonly string? _initFrom;
    private bool _ran;

    private TrainingSession(ExperimentContext context, TrainingOptions options, TrainingSessionSettings settings, Action<string>? log,
        IIterativeTrainer trainer, ExperienceLibrary? library, ResumeState? resume, string? initFrom)
    {
        _context = context;
        _options = options;
        _settings = settings;
        _log = log;
        _trainer = trainer;
        _library = library;
        _resume = resume;
        _initFrom = initFrom;
    }

    public TrainingOptions Options => _options;

    /// <summary>The policy being trained (owned by the session until it is disposed).</summary>
    public NeuralPolicy Policy => _trainer.Policy;

    /// <summary>Checks the inputs and prepares the trainer; no file is written yet. <paramref name="log"/> receives what
    /// the user should know (cloning, offline replay, resuming, a model used on another market).</summary>
    public static TrainingSession Create(ExperimentContext context, TrainingOptions options, TrainingSessionSettings? settings = null, Action<string>? log = null)
    {
        settings ??= new TrainingSessionSettings();
        options.Validate();
        TorchDevice.Parse(options.Device);
        if (settings.NumTrajectories is { } n && n < 1)
            throw new ArgumentException($"the number of trajectories must be at least 1 (got {n}).", nameof(TrainingSessionSettings.NumTrajectories));
        if (settings.NumTrajectories is not null && settings.Library is null)
            throw new ArgumentException(options is SftOptions
                ? "SFT from the library clones its best trajectories: name the experience library."
                : "offline training reads trajectories from an experience library: name it.", nameof(TrainingSessionSettings.Library));
        if (settings.Library is { } lib && settings.NumTrajectories is not null && !File.Exists(lib))
            throw new FileNotFoundException($"experience library '{lib}' does not exist.", lib);
        return options switch
        {
            SftOptions sft => CreateSft(context, sft, settings, log),
            RlOptions rl => CreateRl(context, rl, settings, log),
            _ => throw new ArgumentException($"no trainer for {options.GetType().Name}.", nameof(options)),
        };
    }

    private static TrainingSession CreateSft(ExperimentContext context, SftOptions options, TrainingSessionSettings settings, Action<string>? log)
    {
        if (settings.InitFrom is not null)
            throw new ArgumentException("SFT trains a new network from scratch; a starting model is for GRPO and PPO.", nameof(TrainingSessionSettings.InitFrom));
        BehaviourDataset? samples = null;
        if (settings.NumTrajectories is not null && options.Level == SftOptions.PortfolioLevel)
            throw new ArgumentException("the library holds single-symbol trajectories: portfolio-level SFT learns from cross-sectional hindsight labels (leave out the number of trajectories).", nameof(TrainingSessionSettings.NumTrajectories));
        if (settings.NumTrajectories is { } n)
        {
            using var library = ExperienceLibrary.Open(settings.Library!, readOnly: true);
            var best = library.TopByReward(n, balancedByRegime: true);
            if (best.Count == 0) throw new InvalidDataException($"{settings.Library} holds no trajectories to clone.");
            samples = BehaviourDataset.FromTrajectories(library.Load(best.Select(t => t.Id)), MarketObservations.Names.Count, options.ActionSpace(), options.SequenceLength, context.Market);
            log?.Invoke($"cloning the best {best.Count} trajectories of {library.Path} (balanced by regime; rewards {best[^1].Reward:F3} to {best[0].Reward:F3})");
        }
        var trainer = new SftTrainer(context.Market, context.Resolved, options, samples: samples);
        return new TrainingSession(context, options, settings, log, trainer, null, null, null);
    }

    private static TrainingSession CreateRl(ExperimentContext context, RlOptions options, TrainingSessionSettings settings, Action<string>? log)
    {
        string name = options.Algorithm.ToUpperInvariant();
        if (settings.InitFrom is null)
            throw new ArgumentException($"{name} starts from a trained model: train SFT first and start from its run (or its models/best folder).", nameof(TrainingSessionSettings.InitFrom));
        var initFrom = ModelReference.Resolve(settings.InitFrom, log);
        ModelReference.CheckMarket(initFrom, context, log);
        var resume = ResumeState.TryLoad(initFrom);
        if (resume is not null && resume.Algorithm != options.Algorithm)
        {
            log?.Invoke($"starting {name} from the weights of a {resume.Algorithm} checkpoint (its optimiser state is not used)");
            resume = null;
        }
        if (resume is not null && resume.Iteration >= options.Iterations)
            throw new ArgumentException($"{initFrom} is at iteration {resume.Iteration} already; ask for more than {resume.Iteration} iterations to resume it.", "num_iterations");
        NeuralPolicy? policy = null;
        RlTrainer? trainer = null;
        ExperienceLibrary? library = null;
        try
        {
            policy = NeuralPolicy.Load(initFrom).To(TorchDevice.Parse(options.Device));
            bool portfolio = policy.Metadata.Portfolio is not null;
            if (portfolio && options is not GrpoOptions)
                throw new ArgumentException($"{initFrom} is a portfolio-level model: it trains with GRPO on portfolio episodes (algorithm grpo), not {options.Algorithm}.", "algorithm");
            if (portfolio && settings.NumTrajectories is not null)
                throw new ArgumentException($"{initFrom} is a portfolio-level model: it trains online on portfolio episodes; the library's single-symbol trajectories do not apply (leave out the number of trajectories).", nameof(TrainingSessionSettings.NumTrajectories));
            if (portfolio)
                log?.Invoke($"portfolio GRPO: each group is {options.GroupSize} rollouts of the portfolio over the training symbols from one start date for {options.Window} days; " +
                            "portfolio rollouts are not single-symbol trajectories, so they are not appended to the experience library");
            library = settings.Library is null ? null : ExperienceLibrary.Open(settings.Library, readOnly: settings.NumTrajectories is not null);
            LibraryReplay? replay = null;
            if (settings.NumTrajectories is { } n)
            {
                bool groups = options is GrpoOptions;
                replay = new LibraryReplay(library!, n, groups, groups ? options.GroupsPerIteration : options.TrajectoriesPerIteration, options.Seed);
                log?.Invoke($"offline: {replay.Trajectories} trajectories ({replay.Units} {(groups ? "groups" : "episodes")}) from {library!.Path}" +
                            (replay.Deterministic > 0 ? $"; {replay.Deterministic} of a deterministic policy left out (no importance ratio)" : ""));
            }
            trainer = options switch
            {
                PpoOptions ppo => new PpoTrainer(context.Market, context.Resolved, policy, ppo) { Offline = replay is null ? null : replay.Batch },
                GrpoOptions grpo when portfolio => new PortfolioGrpoTrainer(context.Market, context.Resolved, policy, grpo),
                GrpoOptions grpo => new GrpoTrainer(context.Market, context.Resolved, policy, grpo) { Offline = replay is null ? null : replay.Batch },
                _ => throw new ArgumentException($"no trainer for {options.GetType().Name}.", nameof(options)),
            };
            if (resume is not null)
            {
                trainer.LoadOptimizer(Path.Combine(initFrom, ResumeState.OptimizerFileName));
                log?.Invoke($"resuming {name} after iteration {resume.Iteration} of {Path.GetFullPath(initFrom)} (Adam state restored" +
                            (resume.BestValidationSharpe is { } b ? $"; best validation Sharpe so far {b:F2})" : ")"));
            }
            return new TrainingSession(context, options, settings, log, trainer, library, resume, initFrom);
        }
        catch
        {
            trainer?.Dispose();
            policy?.Dispose();
            library?.Dispose();
            throw;
        }
    }

    /// <summary>Makes the run folder and trains. <paramref name="onRunFolder"/> gets the folder once it exists;
    /// <paramref name="onIteration"/> each iteration's log; <paramref name="stopRequested"/> is asked before each
    /// iteration (true: stop cleanly, keeping final and best).</summary>
    public TrainingSessionResult Run(Action<string>? onRunFolder = null, Action<RlIterationLog>? onIteration = null, Func<bool>? stopRequested = null)
    {
        if (_ran) throw new InvalidOperationException("a training session runs once; create a new one.");
        _ran = true;
        var clock = Stopwatch.StartNew();
        var run = TrainingRun.Create(_settings.OutputRoot, _options, _context.Split.SourceText);
        new RunRecord
        {
            Algorithm = _options.Algorithm, Created = DateTimeOffset.UtcNow, Data = _context.Data, Split = _context.Resolved, Seed = _options.Seed,
            InitFrom = _initFrom is null ? null : Path.GetFullPath(_initFrom), Library = _settings.Library is null ? null : Path.GetFullPath(_settings.Library),
            Command = _settings.Command,
        }.Save(run.Directory);
        onRunFolder?.Invoke(run.Directory);

        var split = _context.Resolved;
        var market = _context.Market;
        Func<NeuralPolicy, double>? validate = split.ValidationStart is { } vs && split.ValidationEnd is { } ve
            ? p => PolicyValidation.Score(p, market, split.TrainingSymbols, vs, ve)
            : null;
        var policy = _trainer.Policy;
        double lastLoss = double.NaN;
        var loop = new TrainingLoop(_trainer, run)
        {
            Validate = validate,
            OnIteration = log =>
            {
                lastLoss = log.Loss;
                onIteration?.Invoke(log);
            },
            StopRequested = stopRequested,
            OnRollouts = _library is null || _settings.NumTrajectories is not null ? null : (i, rollouts) => _library.AppendBatch(
                new BatchInfo(policy.Id, $"{policy.Version}+it{i}", _options is RlOptions rl ? rl.RewardName : "composite", _context.Split.SourceText,
                    $"{{\"algorithm\":\"{_options.Algorithm}\",\"iteration\":{i}}}", SeedMixer.Mix(_options.Seed, i)), rollouts),
        };
        var result = loop.Run(_resume, _initFrom);
        SftReport? sft = null;
        if (_trainer is SftTrainer sftTrainer)
        {
            sft = sftTrainer.Report(lastLoss);
            run.Log(result.LastIteration, new Dictionary<string, double?>
            {
                ["sft/train_accuracy"] = sft.TrainAccuracy, ["sft/validation_accuracy"] = sft.ValidationAccuracy,
                ["sft/validation_sharpe"] = sft.ValidationSharpe, ["sft/validation_buy_and_hold_sharpe"] = sft.ValidationBuyAndHoldSharpe,
            });
        }
        double bh = split.ValidationStart is { } from && split.ValidationEnd is { } to
            ? PolicyValidation.BuyAndHoldScore(policy, market, split.TrainingSymbols, from, to)
            : double.NaN;
        if (result.BestValidationSharpe is { } best && double.IsFinite(best) && split.ValidationStart is { } v0 && split.ValidationEnd is { } v1)
        {
            // Every trained configuration is a trial of the deflated Sharpe ratio: its best model's validation Sharpe, per day.
            int days = _context.Calendar.Count(d => d >= v0 && d <= v1);
            using var registry = ExperimentRegistry.Open(_settings.Registry ?? Path.Combine(_settings.OutputRoot, ExperimentRegistry.DefaultFileName));
            registry.Record(new TrialRecord(EvaluationRun.TrialHash(result.BestModel), _context.Data.Fingerprint, best / Math.Sqrt(MetricsCalculator.TradingDays),
                Math.Max(1, days), DateTimeOffset.UtcNow, Path.GetFileName(run.Directory) + "/best", "train"));
        }
        return new TrainingSessionResult(_options.Algorithm, run.Directory, result.BestModel, result.FinalModel, result.LastIteration,
            result.BestValidationSharpe, bh, result.StoppedEarly, sft, clock.Elapsed.TotalSeconds);
    }

    public void Dispose()
    {
        _trainer.Dispose();
        _trainer.Policy.Dispose();
        _library?.Dispose();
    }
}
