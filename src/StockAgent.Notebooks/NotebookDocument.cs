using System.Text.Json;
using System.Text.Json.Nodes;
using StockAgent.IO;

namespace StockAgent.Notebooks;

/// <summary>An .ipynb file (nbformat 4) as written by VS Code's Polyglot Notebooks: cells and their outputs.</summary>
public sealed class NotebookDocument
{
    private readonly JsonObject _root;

    private NotebookDocument(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        _root = root;
        Cells = cells;
    }

    public string Path { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    public static NotebookDocument Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Notebook '{path}' does not exist.", path);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
                ?? throw new InvalidDataException($"{path}: the notebook is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid notebook JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        if (root["cells"] is not JsonArray cellArray)
            throw new InvalidDataException($"{path}: no 'cells' array; is this an nbformat 4 notebook?");
        string defaultLanguage = root["metadata"]?["polyglot_notebook"]?["defaultKernelName"]?.GetValue<string>()
            ?? root["metadata"]?["kernelspec"]?["language"]?.GetValue<string>()
            ?? "csharp";
        var cells = new List<NotebookCell>();
        for (int i = 0; i < cellArray.Count; i++)
        {
            var cell = cellArray[i]!.AsObject();
            string kind = cell["cell_type"]?.GetValue<string>() ?? "code";
            string language = cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
                ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
                ?? defaultLanguage;
            cells.Add(new NotebookCell(i, kind, NormaliseLanguage(language), ReadSource(cell["source"])));
        }
        return new NotebookDocument(path, root, cells);
    }

    /// <summary>Writes the notebook with <paramref name="outputs"/> in place of each code cell's outputs (atomically).</summary>
    public void SaveWithOutputs(string path, IReadOnlyList<CellOutput> outputs)
    {
        var copy = JsonNode.Parse(_root.ToJsonString())!.AsObject();
        var cells = copy["cells"]!.AsArray();
        int count = 0;
        foreach (var group in outputs.GroupBy(o => o.CellIndex))
        {
            var cell = cells[group.Key]!.AsObject();
            var array = new JsonArray();
            foreach (var output in group)
            {
                if (output.Error is not null)
                    array.Add(new JsonObject { ["output_type"] = "error", ["ename"] = "Error", ["evalue"] = output.Error, ["traceback"] = new JsonArray() });
                else
                {
                    var data = new JsonObject();
                    foreach (var (mime, text) in output.Data) data[mime] = text;
                    array.Add(new JsonObject { ["output_type"] = "display_data", ["data"] = data, ["metadata"] = new JsonObject() });
                }
            }
            cell["outputs"] = array;
            cell["execution_count"] = ++count;
        }
        AtomicFile.WriteAllText(path, copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string ReadSource(JsonNode? source) => source switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? "")),
        _ => source.GetValue<string>(),
    };

    private static string NormaliseLanguage(string language) => language.ToLowerInvariant() switch
    {
        "c#" or "csharp" or "cs" => "csharp",
        var other => other,
    };
}
