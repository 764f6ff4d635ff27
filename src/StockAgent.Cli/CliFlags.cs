using System.CommandLine;

namespace StockAgent.Cli;

/// <summary>Maps the library's parameter names to this command's flags in error messages, and records the command.</summary>
public static class CliFlags
{
    /// <summary>Runs <paramref name="action"/>; an <see cref="ArgumentException"/> whose parameter is in
    /// <paramref name="flags"/> (library parameter name -> flag) is rethrown as "--flag: message".</summary>
    public static T Translate<T>(Func<T> action, params (string Parameter, string Flag)[] flags)
    {
        try
        {
            return action();
        }
        catch (ArgumentException ex) when (ex.ParamName is { } p && flags.Any(f => f.Parameter == p))
        {
            var flag = flags.First(f => f.Parameter == p).Flag;
            throw new ArgumentException($"{flag}: {ex.Message.Replace($" (Parameter '{p}')", "")}", ex);
        }
    }

    /// <summary>Runs <paramref name="action"/>, naming <paramref name="flag"/> in front of a bad-input error about the
    /// value that flag gave (a missing or unreadable folder, a bad argument).</summary>
    public static T For<T>(string flag, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArgumentException($"{flag}: {(ex is ArgumentException { ParamName: { } p } ? ex.Message.Replace($" (Parameter '{p}')", "") : ex.Message)}", ex);
        }
    }

    /// <summary>The command line as the user typed it (after `stockagent`), quoted where needed.</summary>
    public static string CommandText(ParseResult parse) =>
        "stockagent " + string.Join(" ", parse.Tokens.Select(t => Quote(t.Value)));

    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_=./:,+@%".Contains(c)) ? value : "'" + value.Replace("'", "'\\''") + "'";
}
