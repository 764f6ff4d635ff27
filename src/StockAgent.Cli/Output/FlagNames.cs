using System.Text.RegularExpressions;

namespace StockAgent.Cli.Output;

/// <summary>
/// Turns a library <see cref="ArgumentException"/>, which speaks of the library's own parameter names, into the same
/// message in a command's flags: when the exception's parameter is one of the command's, every mapped name written as
/// "name (value)" or "name must ..." becomes its flag, and .NET's " (Parameter 'name')" suffix goes.
/// </summary>
public static class FlagNames
{
    public static Exception Rename(ArgumentException error, IReadOnlyDictionary<string, string> flags)
    {
        if (error.ParamName is not { } name || !flags.ContainsKey(name)) return error;
        string suffix = new ArgumentException("", name).Message; // the runtime's own " (Parameter 'name')"
        string message = error.Message.EndsWith(suffix, StringComparison.Ordinal) ? error.Message[..^suffix.Length] : error.Message;
        foreach (var (parameter, flag) in flags)
            message = Regex.Replace(message, $@"(?<![\w-]){Regex.Escape(parameter)}(?= \(| must\b)", flag);
        return new ArgumentException(message, error);
    }
}
