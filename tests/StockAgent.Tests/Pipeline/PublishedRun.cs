using StockAgent.Experiments;
using StockAgent.Market;
using StockAgent.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>A tiny continuous-training run on a small synthetic market, run once to its end: it confirmed its best
/// model on the test sets and published benchmark.md and benchmark.html into its folder.</summary>
public sealed class PublishedRun : IDisposable
{
    private readonly TempFolder _dir = new();

    public PublishedRun()
    {
        var context = ExperimentContext.Load(new ExperimentSettings
        {
            Synthetic = new SyntheticMarketOptions { Symbols = 8, Sectors = 2, Years = 3, Seed = 5, SignalStrength = 1.0 },
        });
        State = ContinuousPipeline.Run(context, new PipelineSettings
        {
            RunDirectory = Folder,
            Goals = new PipelineGoals(100_000, 5, 0.9),
            BatchSize = 64,
            TrainingInterval = 2,
            EvaluationInterval = 1,
            MaxSessions = 2,
            IterationsPerSession = 2,
            SftEpochs = 1,
            SftTopTrajectories = 100,
            GroupSize = 4,
            GroupsPerIteration = 4,
            Hidden = [16],
            Resamples = 200,
            Command = "stockagent continuous-training --tiny",
        });
    }

    public string Folder => Path.Combine(_dir.Path, "run");

    public PipelineState State { get; }

    public string Markdown => Path.Combine(Folder, PipelineReport.MarkdownFile);

    public string Html => Path.Combine(Folder, PipelineReport.HtmlFile);

    public void Dispose() => _dir.Dispose();
}
