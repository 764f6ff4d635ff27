using Microsoft.AspNetCore.Html;

namespace StockAgent.Notebooks;

/// <summary>
/// The names a notebook cell can use without qualification, as in the Polyglot C# kernel:
/// <c>display(value)</c> and <c>HTML(markup)</c>. Public because Roslyn scripting binds to it.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly Action<object?> _display;

    public NotebookGlobals(string notebookDirectory, Action<object?> display)
    {
        NotebookDirectory = notebookDirectory;
        _display = display;
    }

    /// <summary>The folder holding the notebook; relative paths in cells resolve against the process's working directory, set to it.</summary>
    public string NotebookDirectory { get; }

#pragma warning disable IDE1006 // lower-case names match the Polyglot kernel's helpers
    public object? display(object? value) { _display(value); return value; }

    public IHtmlContent HTML(string markup) => new HtmlString(markup);
#pragma warning restore IDE1006
}
