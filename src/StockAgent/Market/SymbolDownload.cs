namespace StockAgent.Market;

/// <summary>What downloading one symbol gave: the validated file's report, or why it failed (<see cref="Error"/>, a
/// sentence about that symbol that does not repeat it; nothing was written for it).</summary>
public sealed record SymbolDownload(string Symbol, CsvFileReport? Report, string? Error)
{
    public bool Succeeded => Report is not null;
}
