using System.CommandLine;

namespace StockAgent.Cli;

/// <summary>Names a flag in front of errors about the value it gave, and records the command line.</summary>
public static class CliFlags
{
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

    /// <summary>An ISO date (yyyy-MM-dd) given to <paramref name="option"/>, or null when none was given.</summary>
    public static DateOnly? Date(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : throw new ArgumentException($"{option}: '{text}' is not a date (expected yyyy-MM-dd).");
    }

    /// <summary>The command line as the user typed it (after `stockagent`), quoted where needed.</summary>
    public static string CommandText(ParseResult parse) =>
        "stockagent " + string.Join(" ", parse.Tokens.Select(t => Quote(t.Value)));

    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_=./:,+@%".Contains(c)) ? value : "'" + value.Replace("'", "'\\''") + "'";
}
