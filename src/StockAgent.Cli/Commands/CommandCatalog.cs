using System.CommandLine;

namespace StockAgent.Cli.Commands;

/// <summary>Every top-level command, one line each; each area adds its own file under Commands/.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return InfoCommand.Create();
        yield return DataCommand.Create();
        yield return DemoCommand.Create();
        yield return BacktestCommand.Create();
        yield return BenchCommand.Create();
        yield return CollectCommand.Create();
        yield return LibraryCommand.Create();
        yield return TrainCommand.Create();
        yield return EvaluateCommand.Create();
        yield return AnalyzeErrorsCommand.Create();
        yield return ContinuousTrainingCommand.Create();
        yield return MonitorCommand.Create();
        yield return RobustnessCommand.Create();
        yield return ReportCommand.Create();
        yield return SweepCommand.Create();
    }
}
