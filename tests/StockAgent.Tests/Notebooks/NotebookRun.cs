using System.Text.Json.Nodes;
using StockAgent.Tests.Support;

namespace StockAgent.Tests.Notebooks;

/// <summary>
/// Runs a notebook with the headless runner from its own build output (src/StockAgent.Notebooks/bin/CONFIGURATION/),
/// as <c>dotnet run --project src/StockAgent.Notebooks -- run NOTEBOOK --out FILE</c> does, and reads the executed copy.
/// </summary>
internal static class NotebookRun
{
    private static readonly string Runner = Path.Combine(RepoPaths.Root, "src", "StockAgent.Notebooks", "bin", RepoPaths.Configuration,
        "net10.0", "StockAgent.Notebooks.dll");

    public static ProcessRunner.Result Run(string notebook, string? executed = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(Runner), $"the notebook runner is not built: {Runner}");
        string[] args = executed is null ? ["run", notebook] : ["run", notebook, "--out", executed];
        return ProcessRunner.RunDll(Runner, args, timeout: TimeSpan.FromMinutes(15), environment: environment);
    }

    /// <summary>The cells of an executed notebook.</summary>
    public static JsonArray Cells(string executed) => JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();

    /// <summary>The outputs of cell <paramref name="number"/> (1-based, counting every cell).</summary>
    public static JsonArray Outputs(JsonArray cells, int number) => cells[number - 1]!["outputs"]?.AsArray() ?? [];

    /// <summary>Every output's text/html, concatenated (nbformat stores it as a string or a list of lines).</summary>
    public static string Html(JsonArray cells) => string.Concat(cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => Text(o!["data"]?["text/html"])));

    public static IEnumerable<JsonNode> Errors(JsonArray cells) =>
        cells.SelectMany(c => c!["outputs"]?.AsArray() ?? []).Where(o => o!["output_type"]?.GetValue<string>() == "error")!;

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        _ => node.GetValue<string>(),
    };

    /// <summary>Writes an nbformat 4 notebook of C# cells (a source starting with "# " is a markdown cell).</summary>
    public static string Write(string folder, params string[] sources)
    {
        var cells = new JsonArray();
        foreach (var source in sources)
        {
            bool markdown = source.StartsWith("# ", StringComparison.Ordinal);
            var cell = new JsonObject { ["cell_type"] = markdown ? "markdown" : "code", ["metadata"] = new JsonObject(), ["source"] = source };
            if (!markdown)
            {
                cell["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
                cell["execution_count"] = null;
                cell["outputs"] = new JsonArray();
            }
            cells.Add(cell);
        }
        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        var path = Path.Combine(folder, "test.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
