using StockAgent.Pipeline;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Pipeline;

/// <summary>A tiny continuous-training run (<see cref="ContinuousPipelineTests.Tiny"/>) on a small synthetic market, run once to its end: it confirmed its best
/// model on the test sets and published benchmark.md and benchmark.html into its folder.</summary>
public sealed class PublishedRun : IDisposable
{
    private readonly TempFolder _dir = new();

    public PublishedRun()
    {
        State = ContinuousPipeline.Run(ContinuousPipelineTests.Context.Value, ContinuousPipelineTests.Tiny(Folder) with { Resamples = 200, Command = "stockagent continuous-training --tiny" });
    }

    public string Folder => Path.Combine(_dir.Path, "run");

    public PipelineState State { get; }

    public string Markdown => Path.Combine(Folder, PipelineReport.MarkdownFile);

    public string Html => Path.Combine(Folder, PipelineReport.HtmlFile);

    public void Dispose() => _dir.Dispose();
}
