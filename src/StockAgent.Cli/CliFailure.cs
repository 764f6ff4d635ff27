namespace StockAgent.Cli;

/// <summary>What kind of failure ended a command; <see cref="CliErrors"/> decides, and each has its exit code.</summary>
public enum CliFailure
{
    /// <summary>The input is wrong (an argument, a file, a line in it): one <c>error:</c> line, exit 2.</summary>
    Input,

    /// <summary>The environment failed (disk full, a library locked by another writer, the network): exit 74.</summary>
    Environment,

    /// <summary>Ctrl+C or another cancellation: exit 130.</summary>
    Cancelled,

    /// <summary>A bug in the kit (a broken invariant, an unexpected exception): the message, the stack trace under
    /// <c>--verbose</c>, exit 70.</summary>
    Internal,
}
