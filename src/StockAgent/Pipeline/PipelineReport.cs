using StockAgent.Experience;
using StockAgent.Experiments;
using StockAgent.IO;
using StockAgent.Reporting;

namespace StockAgent.Pipeline;

/// <summary>
/// Publishes the benchmark report of a run folder: reads its result records (the pipeline's state, the confirmation's
/// evaluation record or another one given, the training runs under RUN/training_runs, the experience library's
/// coverage), builds the <see cref="BenchmarkReport"/> and writes benchmark.md and benchmark.html atomically, into
/// RUN unless another folder is named. The pipeline calls it when it ends; <c>stockagent report</c> calls it the same way.
/// A folder that is not a run (no state, no evaluation) is an error naming it; nothing is written then.
/// </summary>
public static class PipelineReport
{
    public const string MarkdownFile = "benchmark.md";
    public const string HtmlFile = "benchmark.html";

    /// <summary>The report's sources: <paramref name="runDirectory"/> is a pipeline run folder (with training_state.json),
    /// or null with <paramref name="evaluationFile"/> alone; <paramref name="evaluationFile"/> (evaluation.json or its
    /// folder) defaults to the run's confirmation.</summary>
    /// <param name="state">The run's state as the caller holds it (the pipeline, as it ends); null reads it from the folder.</param>
    public static BenchmarkSources Sources(string? runDirectory, string? evaluationFile = null, PipelineState? state = null)
    {
        if (runDirectory is null && evaluationFile is null) throw new ArgumentException("name a run folder or an evaluation record.", nameof(runDirectory));
        if (runDirectory is not null)
        {
            if (!Directory.Exists(runDirectory)) throw new DirectoryNotFoundException($"run folder '{runDirectory}' does not exist.");
            state ??= PipelineState.TryLoad(runDirectory);
            if (state is null && evaluationFile is null)
                throw new FileNotFoundException($"{runDirectory} holds no {PipelineState.FileName}: it is not a continuous-training run folder (name an evaluation record with --evaluation to report one).",
                    PipelineState.PathIn(runDirectory));
        }
        string evaluation = evaluationFile ?? state!.Confirmation
            ?? throw new InvalidDataException($"the run in {runDirectory} has not been confirmed on its test sets yet (status {state!.Status}): there is no evaluation to report. " +
                                              "Let the pipeline finish (rerun its command), or name an evaluation record with --evaluation.");
        var report = EvaluationRecord.Load(evaluation);
        string? training = runDirectory is null ? null : Path.Combine(runDirectory, ContinuousPipeline.TrainingFolder);
        var runs = training is null ? [] : TrainingRunSummary.ReadAll(training);
        var coverage = new List<CoverageCell>();
        string library = runDirectory is null ? "" : Path.Combine(runDirectory, ContinuousPipeline.LibraryFile);
        if (File.Exists(library))
        {
            using var lib = ExperienceLibrary.Open(library, readOnly: true);
            coverage.AddRange(lib.SectorRegimeCounts().Select(c => new CoverageCell(c.Sector, c.Regime, c.Count)));
        }
        var goals = state is null ? ReportGoals.Plan : ReportGoals.Plan with { Trajectories = state.Goals.Trajectories, Sharpe = state.Goals.Sharpe, WinRate = state.Goals.WinRate };
        return new BenchmarkSources
        {
            Evaluation = report,
            EvaluationFile = Path.GetFullPath(Directory.Exists(evaluation) ? Path.Combine(evaluation, EvaluationRecord.JsonFile) : evaluation),
            Run = state is null ? null : Summary(Path.GetFullPath(runDirectory!), state),
            TrainingRuns = runs,
            Coverage = coverage,
            Goals = goals,
        };
    }

    /// <summary>The run's life from its state: counts, best validation, and a milestone per validation check (train and
    /// evaluate steps, with the trajectories at the time) plus one per collected batch.</summary>
    public static RunSummary Summary(string runDirectory, PipelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var milestones = state.History.Where(h => h.Kind is "collect" or "train" or "evaluate")
            .Select(h => new MilestonePoint(h.Time, h.Trajectories, h.Validation?.Sharpe, h.Validation?.WinRate)).ToList();
        return new RunSummary(runDirectory, state.Command, state.Status, state.StopReason, state.Started, state.Seconds, state.Trajectories, state.Batches, state.Sessions,
            state.Iterations, state.Best, state.GoalsMet, milestones);
    }

    /// <summary>Builds the report of <paramref name="runDirectory"/> (or of <paramref name="evaluationFile"/> alone) and
    /// writes benchmark.md and benchmark.html into <paramref name="outDirectory"/> (default: the run folder, else the
    /// evaluation's folder), each atomically. Returns the report and both paths.</summary>
    public static (BenchmarkReport Report, string Markdown, string Html) Publish(string? runDirectory, string? evaluationFile = null, string? outDirectory = null,
        PipelineState? state = null)
    {
        var sources = Sources(runDirectory, evaluationFile, state);
        var report = BenchmarkReport.Build(sources);
        string folder = outDirectory ?? runDirectory ?? Path.GetDirectoryName(sources.EvaluationFile!)!;
        string md = Path.Combine(folder, MarkdownFile), html = Path.Combine(folder, HtmlFile);
        AtomicFile.WriteAllText(md, BenchmarkMarkdown.Render(report));
        AtomicFile.WriteAllText(html, BenchmarkHtml.Render(report));
        return (report, Path.GetFullPath(md), Path.GetFullPath(html));
    }
}
