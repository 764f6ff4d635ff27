using System.CommandLine;
using StockAgent.Cli.Commands;

namespace StockAgent.Cli;

/// <summary>Builds the `stockagent` command tree and turns input errors into one clear line.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("StockAgent: collect trading trajectories, train policies with GRPO, validate out of sample, publish benchmarks.");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var config = new InvocationConfiguration();
        if (output is not null) config.Output = output;
        if (error is not null) config.Error = error;
        config.EnableDefaultExceptionHandler = false;
        var stderr = error ?? Console.Error;
        try
        {
            var parsed = BuildRoot().Parse(args);
            if (parsed.Errors.Count > 0)
            {
                stderr.WriteLine($"error: {parsed.Errors[0].Message}");
                stderr.WriteLine("Add --help to the command for its usage.");
                return 2;
            }
            return parsed.Invoke(config);
        }
        catch (Exception ex) when (CliErrors.IsInputError(ex))
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }
}
