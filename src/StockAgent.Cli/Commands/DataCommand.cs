using System.CommandLine;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent data ...`: validate CSV folders, generate the synthetic market, download prices.</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var data = new Command("data", "Market data: validate CSV folders, generate the synthetic market, download daily prices.");
        foreach (var sub in Subcommands())
            data.Subcommands.Add(sub);
        return data;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return DataValidateCommand.Create();
        yield return DataSynthCommand.Create();
        yield return DataDownloadCommand.Create();
    }
}
