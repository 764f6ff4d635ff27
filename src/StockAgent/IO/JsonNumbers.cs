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

    /// <summary>The number <paramref name="name"/> of an object, NaN where it is null (as <see cref="WriteNumberOrNull"/>
    /// writes NaN); a missing property or another kind of value is an <see cref="InvalidDataException"/> naming it.</summary>
    public static double NumberOrNaN(this JsonElement e, string name)
    {
        var v = e.Required(name);
        return v.ValueKind switch
        {
            JsonValueKind.Null => double.NaN,
            JsonValueKind.Number => v.GetDouble(),
            _ => throw new InvalidDataException($"'{name}' must be a number or null, not {v.ValueKind}."),
        };
    }

    /// <summary>The property <paramref name="name"/> of an object; missing is an <see cref="InvalidDataException"/> naming it.</summary>
    public static JsonElement Required(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) ? v : throw new InvalidDataException($"missing '{name}'.");

    /// <summary>The integer <paramref name="name"/> of an object.</summary>
    public static int Int(this JsonElement e, string name) =>
        e.Required(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : throw new InvalidDataException($"'{name}' must be an integer.");

    /// <summary>The string <paramref name="name"/> of an object (null where it is null).</summary>
    public static string? String(this JsonElement e, string name) => e.Required(name) switch
    {
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        var v => throw new InvalidDataException($"'{name}' must be a string, not {v.ValueKind}."),
    };

    /// <summary>The yyyy-MM-dd date <paramref name="name"/> of an object.</summary>
    public static DateOnly Date(this JsonElement e, string name) =>
        DateOnly.TryParseExact(e.String(name), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : throw new InvalidDataException($"'{name}' must be a yyyy-MM-dd date.");
}
