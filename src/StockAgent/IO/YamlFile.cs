using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StockAgent.IO;

/// <summary>Reads a YAML file's first document for the kit's config readers: a missing file is a
/// <see cref="FileNotFoundException"/> naming what it should have been, a syntax error an <see cref="InvalidDataException"/>
/// naming the file and line.</summary>
public static class YamlFile
{
    /// <summary>The root node of <paramref name="path"/>'s first document, or null when the file holds none (empty, or
    /// only comments). <paramref name="what"/> names the file in the not-found message ("training config").</summary>
    public static YamlNode? LoadRoot(string path, string what)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{what} '{path}' does not exist.", path);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(path));
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"{path}:{ex.Start.Line}: {ex.Message}", ex);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return null;
        return stream.Documents[0].RootNode;
    }
}
