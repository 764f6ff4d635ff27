using System.Diagnostics;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;

namespace StockAgent.Notebooks;

/// <summary>
/// Executes a notebook's code cells in order on the real C# kernel (<see cref="NotebookKernel"/>), with the notebook's
/// folder as the working directory, as VS Code does: variables carry from cell to cell, outputs are recorded as VS Code
/// records them (<see cref="CellOutputs"/>), and the first failing cell stops the run. Markdown cells are skipped; a code
/// cell for another kernel (F#, PowerShell, ...) is a failure, since only C# is hosted here.
/// </summary>
public static class NotebookRunner
{
    public static async Task<NotebookRunResult> RunAsync(string notebookPath, NotebookRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NotebookRunOptions();
        var path = Path.GetFullPath(notebookPath);
        var document = NotebookFile.Read(path);
        var clock = Stopwatch.StartNew();
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(path)!;
        var text = new List<KeyValuePair<int, string>>();
        CellFailure? failure = null;
        try
        {
            using var kernel = NotebookKernel.Create();
            var cells = document.Elements.Select((element, index) => (Element: element, Number: index + 1)).Where(c => IsCode(c.Element)).ToList();
            int done = 0;
            foreach (var (element, number) in cells)
            {
                var cellClock = Stopwatch.StartNew();
                element.Outputs.Clear();
                element.ExecutionOrder = ++done;
                var outputs = new CellOutputs(element.Outputs);
                string? error = element.KernelName is NotebookFile.CSharpKernelName or "c#" or "C#"
                    ? await SubmitAsync(kernel, element, outputs, options.CellTimeout, cancellationToken)
                    : $"the cell is for the '{element.KernelName}' kernel; the headless runner hosts only C#";
                text.AddRange(outputs.Text.Select(t => KeyValuePair.Create(number, t)));
                if (error is not null)
                {
                    failure = new CellFailure(number, FirstLine(element.Contents), error);
                    break;
                }
                options.Progress?.Invoke(number, done, cells.Count, cellClock.Elapsed.TotalSeconds);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
        if (options.OutputPath is not null) NotebookFile.Write(document, options.OutputPath);
        return new NotebookRunResult(path, document, text, failure, clock.Elapsed);
    }

    /// <summary>Runs one cell; returns the failure message, or null when it succeeded.</summary>
    private static async Task<string?> SubmitAsync(Microsoft.DotNet.Interactive.Kernel kernel, InteractiveDocumentElement cell, CellOutputs outputs,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        var submission = kernel.SendAsync(new SubmitCode(cell.Contents, NotebookFile.CSharpKernelName), cancellationToken);
        if (await Task.WhenAny(submission, Task.Delay(timeout, cancellationToken)) != submission)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return $"did not finish within {timeout.TotalMinutes:0.#} minutes";
        }
        foreach (var e in (await submission).Events) outputs.Add(e);
        return outputs.Failure;
    }

    private static bool IsCode(InteractiveDocumentElement element) =>
        element.KernelName is not ("markdown" or "md") && !string.IsNullOrWhiteSpace(element.Contents);

    private static string FirstLine(string contents)
    {
        var line = contents.TrimStart().Split('\n')[0].Trim();
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
