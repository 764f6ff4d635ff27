using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace StockAgent.Notebooks;

/// <summary>
/// Splits a Polyglot C# cell into the kernel directives it starts with and the C# code. <c>#r "nuget: X"</c>
/// is satisfied from the packages the runner ships (it cannot download); <c>#r "path.dll"</c> loads that
/// file relative to the notebook unless an assembly of that name is already part of the runner;
/// <c>#!csharp</c> and <c>#i</c> are accepted and ignored.
/// </summary>
public sealed partial class CellDirectives
{
    private CellDirectives(string code, IReadOnlyList<Assembly> references)
    {
        Code = code;
        References = references;
    }

    public string Code { get; }

    public IReadOnlyList<Assembly> References { get; }

    public static CellDirectives Parse(NotebookCell cell, string notebookDirectory)
    {
        var code = new StringBuilder();
        var references = new List<Assembly>();
        var lines = cell.Source.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#r ", StringComparison.Ordinal))
            {
                references.Add(Resolve(trimmed, cell, i + 1, notebookDirectory));
                code.AppendLine("// " + trimmed); // keep line numbers of compiler errors aligned with the cell
            }
            else if (trimmed.StartsWith("#i ", StringComparison.Ordinal) || trimmed is "#!csharp" or "#!c#")
                code.AppendLine("// " + trimmed);
            else if (trimmed.StartsWith("#!", StringComparison.Ordinal))
                throw new NotSupportedException($"cell {cell.Index}, line {i + 1}: the magic command '{trimmed}' is not supported by the headless runner.");
            else
                code.AppendLine(line);
        }
        return new CellDirectives(code.ToString(), references);
    }

    private static Assembly Resolve(string directive, NotebookCell cell, int line, string notebookDirectory)
    {
        var match = ReferencePattern().Match(directive);
        if (!match.Success)
            throw new FormatException($"cell {cell.Index}, line {line}: cannot read the reference '{directive}'; expected #r \"nuget: Name, Version\" or #r \"path.dll\".");
        var target = match.Groups[1].Value.Trim();
        if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            var package = target["nuget:".Length..].Split(',')[0].Trim();
            return TryLoadByName(package)
                ?? throw new NotSupportedException($"cell {cell.Index}, line {line}: package '{package}' is not part of the kit, and the headless runner cannot download packages.");
        }
        var name = Path.GetFileNameWithoutExtension(target);
        var loaded = TryLoadByName(name);
        if (loaded is not null) return loaded;
        var full = Path.GetFullPath(Path.Combine(notebookDirectory, target));
        if (!File.Exists(full))
            throw new FileNotFoundException($"cell {cell.Index}, line {line}: referenced assembly '{full}' does not exist (build the kit first: dotnet build -c Release).", full);
        return Assembly.LoadFrom(full);
    }

    private static Assembly? TryLoadByName(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^#r\\s+\"([^\"]+)\"\\s*$")]
    private static partial Regex ReferencePattern();
}
