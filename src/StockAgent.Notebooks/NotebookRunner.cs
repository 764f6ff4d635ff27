using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace StockAgent.Notebooks;

/// <summary>
/// Executes the C# cells of a notebook in order in one Roslyn scripting session, as the Polyglot
/// kernel would: variables carry from cell to cell, <c>display(x)</c> and a cell's final expression are
/// rendered (HTML and plain text) into the outputs, and the first failing cell stops the run.
/// The process's working directory is set to the notebook's folder, as in VS Code.
/// </summary>
public static class NotebookRunner
{
    private static readonly string[] DefaultImports =
        ["System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks"];

    public static NotebookRunResult Run(string notebookPath, NotebookRunOptions? options = null)
    {
        options ??= new NotebookRunOptions();
        notebookPath = Path.GetFullPath(notebookPath);
        var notebook = NotebookDocument.Load(notebookPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var outputs = new List<CellOutput>();
        var clock = Stopwatch.StartNew();
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        ChartFormatting.Register();
        int? failed = null;
        string? error = null;
        try
        {
            int currentCell = -1;
            var globals = new NotebookGlobals(directory, value => outputs.Add(Render(currentCell, value)));
            var scriptOptions = ScriptOptions.Default
                .WithReferences(typeof(NotebookGlobals).Assembly, typeof(StockAgent.Market.PriceSeries).Assembly)
                .WithImports(DefaultImports)
                .WithFilePath(notebookPath)
                .WithAllowUnsafe(false);
            ScriptState<object>? state = null;
            var codeCells = notebook.Cells.Where(c => c.IsCode && c.Language == "csharp").ToList();
            int done = 0;
            foreach (var cell in codeCells)
            {
                currentCell = cell.Index;
                try
                {
                    var directives = CellDirectives.Parse(cell, directory);
                    if (directives.References.Count > 0)
                        scriptOptions = scriptOptions.AddReferences(directives.References);
                    if (!string.IsNullOrWhiteSpace(directives.Code))
                    {
                        using var timeout = new CancellationTokenSource(options.CellTimeout);
                        state = state is null
                            ? CSharpScript.RunAsync(directives.Code, scriptOptions, globals, typeof(NotebookGlobals), timeout.Token).GetAwaiter().GetResult()
                            : state.ContinueWithAsync(directives.Code, scriptOptions, timeout.Token).GetAwaiter().GetResult();
                        if (state.Exception is not null) throw state.Exception;
                        if (state.ReturnValue is not null) outputs.Add(Render(cell.Index, state.ReturnValue));
                    }
                }
                catch (Exception ex)
                {
                    var message = ex is CompilationErrorException ce
                        ? string.Join("\n", ce.Diagnostics.Select(d => d.ToString()))
                        : ex is TargetInvocationException { InnerException: { } inner } ? inner.ToString() : ex.ToString();
                    outputs.Add(new CellOutput(cell.Index, new Dictionary<string, string>(), message));
                    failed = cell.Index;
                    error = $"cell {cell.Index} failed: {message}";
                    break;
                }
                options.Progress?.Invoke(cell.Index, ++done, codeCells.Count);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
        if (options.OutputPath is not null)
            notebook.SaveWithOutputs(options.OutputPath, outputs);
        return new NotebookRunResult(notebookPath, outputs, failed, error, clock.Elapsed);
    }

    private static CellOutput Render(int cellIndex, object? value)
    {
        var data = new Dictionary<string, string>();
        if (value is null)
            data["text/plain"] = "<null>";
        else if (value is string s)
            data["text/plain"] = s;
        else
        {
            data["text/html"] = value.ToDisplayString("text/html");
            data["text/plain"] = value.ToDisplayString("text/plain");
        }
        return new CellOutput(cellIndex, data);
    }
}
