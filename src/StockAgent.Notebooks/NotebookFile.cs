using System.Text.Json;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using StockAgent.IO;

namespace StockAgent.Notebooks;

/// <summary>Reads and writes .ipynb files (nbformat 4, as VS Code's Polyglot Notebooks writes them) with
/// Microsoft.DotNet.Interactive.Documents; C# is the default kernel of a cell that names none.</summary>
public static class NotebookFile
{
    public const string CSharpKernelName = "csharp";

    /// <exception cref="FileNotFoundException">the notebook does not exist.</exception>
    /// <exception cref="InvalidDataException">the file is not a notebook; the message names it.</exception>
    public static InteractiveDocument Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"notebook '{path}' does not exist", path);
        try
        {
            return Notebook.Parse(File.ReadAllText(path), Kernels());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a readable .ipynb notebook: {ex.Message}", ex);
        }
    }

    /// <summary>Writes <paramref name="document"/> with its outputs to <paramref name="path"/>, atomically.</summary>
    public static void Write(InteractiveDocument document, string path) =>
        AtomicFile.WriteAllText(path, document.ToJupyterJson());

    private static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection { new KernelInfo(CSharpKernelName, "C#", ["c#", "C#"]) };
        kernels.DefaultKernelName = CSharpKernelName;
        return kernels;
    }
}
