using System.Text.Json;

namespace StockAgent.IO;

/// <summary>The kit's JSON number convention: a NaN or infinite value ("cannot be computed") is written as null.</summary>
internal static class JsonNumbers
{
    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }
}
