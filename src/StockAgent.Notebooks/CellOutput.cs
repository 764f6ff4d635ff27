namespace StockAgent.Notebooks;

/// <summary>What one executed cell showed: display data by MIME type, or an error.</summary>
public sealed record CellOutput(int CellIndex, IReadOnlyDictionary<string, string> Data, string? Error = null)
{
    public string Text => Data.TryGetValue("text/plain", out var t) ? t : string.Join("\n", Data.Values);
}
