using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace StockAgent.Notebooks;

/// <summary>
/// Turns the kernel's events for one cell into the cell's .ipynb outputs, as VS Code stores them: displayed and returned
/// values with every MIME type the kernel formatted (Plotly charts and DataFrames as text/html), a text/plain copy of plain
/// values (strings, numbers, dates), standard output and error as streams, and a failure as an error output.
/// A display that is updated later (package installation progress) is replaced in place.
/// </summary>
internal sealed class CellOutputs(List<InteractiveDocumentOutputElement> outputs)
{
    private readonly Dictionary<string, int> _displayIndex = new(StringComparer.Ordinal);

    /// <summary>The failure's message, when the cell failed.</summary>
    public string? Failure { get; private set; }

    /// <summary>The plain text this cell showed (displays, return value, standard output), in order.</summary>
    public List<string> Text { get; } = [];

    public void Add(KernelEvent e)
    {
        switch (e)
        {
            case DisplayedValueUpdated updated when updated.ValueId is not null && _displayIndex.TryGetValue(updated.ValueId, out var index):
                outputs[index] = new DisplayElement(Data(updated));
                break;
            case DisplayedValueProduced or DisplayedValueUpdated:
                var display = (DisplayEvent)e;
                if (display.ValueId is not null) _displayIndex[display.ValueId] = outputs.Count;
                outputs.Add(new DisplayElement(Data(display)));
                break;
            case ReturnValueProduced returned:
                var element = new ReturnValueElement();
                foreach (var (mime, value) in Data(returned)) element.Data[mime] = value;
                outputs.Add(element);
                break;
            case StandardOutputValueProduced stdout:
                outputs.Add(new TextElement(PlainText(stdout), "stdout"));
                Text.Add(PlainText(stdout));
                break;
            case StandardErrorValueProduced stderr:
                outputs.Add(new TextElement(PlainText(stderr), "stderr"));
                break;
            case ErrorProduced error:
                outputs.Add(new ErrorElement(error.Message));
                break;
            case CommandFailed failed:
                Failure = failed.Message;
                outputs.Add(new ErrorElement(failed.Message, failed.Exception?.GetType().Name ?? "Error",
                    failed.Exception?.StackTrace?.Split('\n', StringSplitOptions.TrimEntries) ?? []));
                break;
        }
    }

    private Dictionary<string, object> Data(DisplayEvent display)
    {
        var data = display.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value, StringComparer.Ordinal);
        if (!data.ContainsKey(PlainTextFormatter.MimeType) && IsPlainValue(display.Value))
            data[PlainTextFormatter.MimeType] = display.Value!.ToDisplayString(PlainTextFormatter.MimeType);
        if (data.TryGetValue(PlainTextFormatter.MimeType, out var text) && display is not DisplayedValueUpdated)
            Text.Add((string)text);
        return data;
    }

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? "";

    private static bool IsPlainValue(object? value) =>
        value is string or DateTime or DateOnly or DateTimeOffset or TimeSpan or Guid or decimal or Enum
        || value?.GetType().IsPrimitive == true;
}
