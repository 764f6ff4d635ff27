using StockAgent.Notebooks;

// stockagent-notebooks run NOTEBOOK.ipynb [--out EXECUTED.ipynb]
if (args.Length < 2 || args[0] != "run")
{
    Console.Error.WriteLine("usage: StockAgent.Notebooks run NOTEBOOK.ipynb [--out EXECUTED.ipynb] [--cell-timeout-minutes N]");
    return 2;
}
string? outPath = null;
var timeout = TimeSpan.FromMinutes(10);
for (int i = 2; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length) outPath = Path.GetFullPath(args[++i]);
    else if (args[i] == "--cell-timeout-minutes" && i + 1 < args.Length && double.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, out var m) && m > 0)
        timeout = TimeSpan.FromMinutes(m);
    else
    {
        Console.Error.WriteLine($"error: unknown or incomplete argument '{args[i]}'");
        return 2;
    }
}
try
{
    var result = NotebookRunner.Run(args[1], new NotebookRunOptions
    {
        OutputPath = outPath,
        CellTimeout = timeout,
        Progress = (cell, done, total) => Console.Error.WriteLine($"[{done}/{total}] cell {cell} done"),
    });
    foreach (var output in result.Outputs.Where(o => o.Error is null))
        Console.WriteLine($"--- cell {output.CellIndex}\n{output.Text}");
    if (!result.Succeeded)
    {
        Console.Error.WriteLine($"error: {Path.GetFileName(args[1])}: {result.Error}");
        return 1;
    }
    Console.Error.WriteLine($"{Path.GetFileName(args[1])}: all cells ran in {result.Elapsed.TotalSeconds:F1} s");
    return 0;
}
catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
