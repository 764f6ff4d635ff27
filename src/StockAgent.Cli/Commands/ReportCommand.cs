using System.CommandLine;
using StockAgent.Pipeline;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent report`: publishes the benchmark report (benchmark.md and a self-contained benchmark.html) of a
/// continuous-training run folder, or of an evaluation record alone, from result records only.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var run = new Option<string?>("--run") { Description = "A continuous-training run folder (its state, confirmation, training runs and library)." };
        var evaluation = new Option<string?>("--evaluation") { Description = "An evaluation record (evaluation.json or the folder of `evaluate --out`); default: the run's confirmation." };
        var output = new Option<string?>("--out") { Description = "Folder for benchmark.md and benchmark.html (default: the run folder, else the evaluation's folder)." };
        var command = new Command("report", "Publish the benchmark report (Markdown and self-contained HTML with charts) of a run or an evaluation.");
        foreach (var o in new Option[] { run, evaluation, output }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            string? dir = parse.GetValue(run), file = parse.GetValue(evaluation);
            if (dir is null && file is null) throw new ArgumentException("--run or --evaluation: name a continuous-training run folder or an evaluation record to report.");
            var (report, md, html) = PipelineReport.Publish(dir, file, parse.GetValue(output));
            o.WriteLine(report.Title);
            foreach (var g in report.Goals) o.WriteLine($"  {g.Goal}: {g.Measured} (goal {g.Target}): {g.Verdict}");
            o.WriteLine(report.GoalsMet ? "goals met" : "goals not met");
            o.WriteLine($"wrote {md}");
            o.WriteLine($"wrote {html}");
            return 0;
        });
        return command;
    }
}
