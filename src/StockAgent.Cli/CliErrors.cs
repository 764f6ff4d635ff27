using System.CommandLine;
using System.Reflection;
using System.Text;

namespace StockAgent.Cli;

/// <summary>
/// How the CLI reports an exception. Bad input (exit 2, one <c>error:</c> line): <see cref="ArgumentException"/>
/// (not <see cref="ArgumentNullException"/>, which only a bug throws), <see cref="FormatException"/>,
/// <see cref="InvalidDataException"/>, a file or folder that is missing or may not be read or written
/// (<see cref="FileNotFoundException"/>, <see cref="DirectoryNotFoundException"/>, <see cref="PathTooLongException"/>,
/// <see cref="UnauthorizedAccessException"/>), and a <see cref="KeyNotFoundException"/> the kit throws itself (an
/// unknown symbol; one from a .NET collection is a bug). The environment (exit 74): any other
/// <see cref="IOException"/> (disk full, a library locked by another writer), the network
/// (<see cref="HttpRequestException"/>, a timeout). Everything else, <see cref="InvalidOperationException"/> included,
/// is a bug in the kit (exit 70): never presented as the user's mistake.
/// </summary>
public static class CliErrors
{
    public const int BadInputExitCode = 2;
    public const int EnvironmentExitCode = 74; // sysexits EX_IOERR
    public const int InternalExitCode = 70;    // sysexits EX_SOFTWARE
    public const int CancelledExitCode = 130;

    public static CliFailure Classify(Exception ex) => ClassifyOne(Representative(ex));

    public static int ExitCode(CliFailure failure) => failure switch
    {
        CliFailure.Input => BadInputExitCode,
        CliFailure.Environment => EnvironmentExitCode,
        CliFailure.Cancelled => CancelledExitCode,
        _ => InternalExitCode,
    };

    /// <summary>Writes the failure to <paramref name="stderr"/> and returns the exit code: one line for input and the
    /// environment, a line that says it is a bug for an internal failure; with <paramref name="verbose"/>, the full
    /// exception (stack trace) follows in every case.</summary>
    public static int Report(Exception ex, TextWriter stderr, bool verbose, ParseResult? parse = null)
    {
        var shown = Representative(ex);
        var failure = ClassifyOne(shown);
        switch (failure)
        {
            case CliFailure.Cancelled:
                stderr.WriteLine("error: cancelled.");
                break;
            case CliFailure.Internal:
                stderr.WriteLine($"internal error: {shown.GetType().Name}: {OneLine(shown.Message)}");
                if (!verbose) stderr.WriteLine("This is a bug in StockAgent, not a problem with your input; run again with --verbose for the stack trace.");
                break;
            default:
                stderr.WriteLine($"error: {OneLine(Describe(shown, parse))}");
                break;
        }
        if (verbose) stderr.WriteLine(ex.ToString());
        return ExitCode(failure);
    }

    /// <summary>The message of <paramref name="ex"/> as the CLI shows it: an <see cref="ArgumentException"/> that names
    /// its parameter is shown against the command's option of that name (<c>stopLoss</c> or <c>stop_loss</c> ->
    /// <c>--stop-loss: ...</c>), without .NET's "(Parameter 'x')" suffix.</summary>
    public static string Describe(Exception ex, ParseResult? parse = null)
    {
        if (ex is not ArgumentException { ParamName: { Length: > 0 } name } argument) return ex.Message;
        var suffix = $" (Parameter '{name}')";
        var text = argument.Message.EndsWith(suffix, StringComparison.Ordinal) ? argument.Message[..^suffix.Length] : argument.Message;
        var flag = FlagFor(name, parse);
        return flag is null || text.StartsWith(flag, StringComparison.Ordinal) ? text : $"{flag}: {text}";
    }

    private static CliFailure ClassifyOne(Exception ex) => ex switch
    {
        OperationCanceledException { InnerException: TimeoutException } => CliFailure.Environment, // an HTTP timeout
        OperationCanceledException => CliFailure.Cancelled,
        TimeoutException or HttpRequestException or DllNotFoundException => CliFailure.Environment,
        ArgumentNullException => CliFailure.Internal,
        StockAgent.Training.TrainingDivergedException => CliFailure.Input, // these settings made the loss diverge: the message says what to change
        ArgumentException or FormatException or InvalidDataException => CliFailure.Input,
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException or UnauthorizedAccessException => CliFailure.Input,
        KeyNotFoundException when ThrownByTheKit(ex) => CliFailure.Input,
        FileLoadException => CliFailure.Internal,
        IOException => CliFailure.Environment,
        _ => CliFailure.Internal,
    };

    /// <summary>The exception that stands for <paramref name="ex"/>: the inner one of a wrapper (aggregate, reflection
    /// call), and of several the most serious (a bug before the environment before input).</summary>
    private static Exception Representative(Exception ex)
    {
        switch (ex)
        {
            case AggregateException aggregate when aggregate.Flatten().InnerExceptions.Count > 0:
                return aggregate.Flatten().InnerExceptions.Select(Representative)
                    .OrderByDescending(e => Rank(ClassifyOne(e))).First();
            case TargetInvocationException { InnerException: { } inner }:
                return Representative(inner);
            default:
                return ex;
        }
    }

    private static int Rank(CliFailure f) => f switch
    {
        CliFailure.Internal => 3,
        CliFailure.Environment => 2,
        CliFailure.Cancelled => 1,
        _ => 0,
    };

    private static bool ThrownByTheKit(Exception ex) =>
        ex.TargetSite?.DeclaringType?.Assembly.GetName().Name?.StartsWith("StockAgent", StringComparison.Ordinal) == true;

    private static string? FlagFor(string parameter, ParseResult? parse)
    {
        if (parse is null) return null;
        var wanted = "--" + Kebab(parameter);
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            foreach (var option in result.Command.Options)
                if (option.Name == wanted || option.Aliases.Contains(wanted))
                    return wanted;
        return null;
    }

    /// <summary>"stopLoss", "StopLoss" or "stop_loss" -> "stop-loss".</summary>
    internal static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '_' || c == ' ') { sb.Append('-'); continue; }
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_') sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
