namespace StockAgent.Cli;

/// <summary>Which exceptions mean "the input is wrong" (one line, exit 2) rather than a bug (stack trace).</summary>
public static class CliErrors
{
    public static bool IsInputError(Exception ex) => ex is ArgumentException or FormatException or InvalidDataException
        or FileNotFoundException or DirectoryNotFoundException or KeyNotFoundException or IOException
        or UnauthorizedAccessException or NotSupportedException or InvalidOperationException
        or System.Net.Http.HttpRequestException or TaskCanceledException;
}
