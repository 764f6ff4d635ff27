using System.Globalization;
using StockAgent.Notebooks;

// StockAgent.Notebooks run NOTEBOOK.ipynb [--out EXECUTED.ipynb] [--cell-timeout-minutes N]
// Exit codes: 0 every cell ran, 1 a cell failed, 2 bad arguments or not a notebook.
const string Usage = "usage: StockAgent.Notebooks run NOTEBOOK.ipynb [--out EXECUTED.ipynb] [--cell-timeout-minutes N]";
if (args.Length < 2 || args[0] != "run")
{
    Console.Error.WriteLine(Usage);
    return 2;
}
var options = new NotebookRunOptions { Progress = (cell, done, total, seconds) =>
    Console.Error.WriteLine($"[{done}/{total}] cell {cell} done in {seconds.ToString("F1", CultureInfo.InvariantCulture)} s") };
for (int i = 2; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
        options = options with { OutputPath = Path.GetFullPath(args[++i]) };
    else if (args[i] == "--cell-timeout-minutes" && i + 1 < args.Length
             && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        options = options with { CellTimeout = TimeSpan.FromMinutes(minutes) };
    else
    {
        Console.Error.WriteLine($"error: unknown or incomplete argument '{args[i]}'\n{Usage}");
        return 2;
    }
}
var name = Path.GetFileName(args[1]);
NotebookRunResult result;
try
{
    result = await NotebookRunner.RunAsync(args[1], options);
}
catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
foreach (var group in result.Text.GroupBy(t => t.Key))
    Console.WriteLine($"--- cell {group.Key}\n{string.Join("\n", group.Select(t => t.Value.TrimEnd()))}");
if (result.Failure is { } failure)
{
    Console.Error.WriteLine($"error: {name}: {failure}");
    return 1;
}
Console.Error.WriteLine($"{name}: all cells ran in {result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
return 0;
