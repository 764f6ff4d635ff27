using System.CommandLine;
using StockAgent;

namespace StockAgent.Cli.Commands;

/// <summary>`stockagent info`: versions and whether the native ML runtime loads on this machine.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Show the kit's version, the data folder it would use and whether TorchSharp loads.");
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"StockAgent {typeof(KitInfo).Assembly.GetName().Version}");
            o.WriteLine($"default data: {KitInfo.DefaultDataDescription()}");
            o.WriteLine($"torch: {KitInfo.TorchStatus()}");
            var culture = CliApp.EnvironmentCulture;
            o.WriteLine($"culture: {(culture.Name.Length == 0 ? "invariant" : culture.Name)} from the environment; numbers and dates are read and written in the invariant culture");
            return 0;
        });
        return command;
    }
}
