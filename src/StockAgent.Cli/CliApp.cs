using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using StockAgent.Cli.Commands;

namespace StockAgent.Cli;

/// <summary>Builds the `stockagent` command tree, reads and writes in the invariant culture, and reports failures
/// (<see cref="CliErrors"/>): bad input as one clear line, a bug in the kit as such.</summary>
public static class CliApp
{
    /// <summary>The option, on every command, that adds the stack trace to a failure.</summary>
    public const string VerboseOption = "--verbose";

    static CliApp() => EnvironmentCulture = CultureInfo.CurrentCulture;

    /// <summary>The culture the environment asked for (LANG, LC_ALL), as it was before <see cref="Run"/> switched the
    /// process to the invariant culture; shown by `stockagent info`.</summary>
    public static CultureInfo EnvironmentCulture { get; }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("StockAgent: collect trading trajectories, train policies with GRPO, validate out of sample, publish benchmarks.");
        root.Options.Add(new Option<bool>(VerboseOption) { Description = "On a failure, print the stack trace too.", Recursive = true });
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null) => Run(BuildRoot(), args, output, error);

    /// <summary>Runs <paramref name="args"/> against <paramref name="root"/> (tests plant commands that fail).</summary>
    internal static int Run(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        UseInvariantCulture();
        var config = new InvocationConfiguration();
        if (output is not null) config.Output = output;
        if (error is not null) config.Error = error;
        config.EnableDefaultExceptionHandler = false;
        var stderr = error ?? Console.Error;
        ParseResult? parsed = null;
        try
        {
            parsed = root.Parse(args);
            var problem = parsed.Errors.Count > 0 ? parsed.Errors[0].Message : CommaInANumber(parsed);
            if (problem is not null)
            {
                stderr.WriteLine($"error: {problem}");
                stderr.WriteLine("Add --help to the command for its usage.");
                return CliErrors.BadInputExitCode;
            }
            return parsed.Invoke(config);
        }
        catch (Exception ex)
        {
            bool verbose = parsed?.GetValue<bool>(VerboseOption) ?? args.Contains(VerboseOption);
            return CliErrors.Report(ex, stderr, verbose, parsed);
        }
    }

    /// <summary>A comma in the value of a fractional option ("--signal 0,5", "--cash 100,000"), which the invariant
    /// culture would read as a thousands separator (0,5 as 5): refused, so that a decimal comma is never misread.</summary>
    private static string? CommaInANumber(ParseResult parsed)
    {
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
            foreach (var option in result.Children.OfType<OptionResult>())
            {
                var type = Nullable.GetUnderlyingType(option.Option.ValueType) ?? option.Option.ValueType;
                if (type != typeof(double) && type != typeof(float) && type != typeof(decimal)) continue;
                if (option.Tokens.FirstOrDefault(t => t.Value.Contains(',')) is { } token)
                    return $"{option.Option.Name}: '{token.Value}' is not a number; write decimals with a point (0.5) and no thousands separators.";
            }
        return null;
    }

    /// <summary>Every number and date the CLI parses or prints uses the invariant culture, whatever LANG says: with
    /// de_DE, "0.05" stays 0.05 (not 5) and "0,5" is refused; with th_TH, years stay Gregorian.</summary>
    private static void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
