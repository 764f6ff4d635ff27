namespace StockAgent.Notebooks;

/// <summary>The first cell that failed: its 1-based position among all the notebook's cells, its first line, and the
/// kernel's message (compiler diagnostics with their (line,column) inside the cell, or the exception).</summary>
public sealed record CellFailure(int CellNumber, string FirstLine, string Message)
{
    public override string ToString() => $"cell {CellNumber} (\"{FirstLine}\") failed: {Message}";
}
