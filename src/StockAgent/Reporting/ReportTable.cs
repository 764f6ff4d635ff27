namespace StockAgent.Reporting;

/// <summary>A table of already formatted cells (<see cref="ReportFormat"/>), the same in Markdown and HTML.</summary>
public sealed record ReportTable : ReportBlock
{
    /// <summary>A table; every row must have as many cells as the header.</summary>
    public ReportTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        for (int i = 0; i < rows.Count; i++)
            if (rows[i].Count != header.Count)
                throw new ArgumentException($"row {i} of table '{caption ?? string.Join(", ", header)}' has {rows[i].Count} cells; the header has {header.Count}.", nameof(rows));
        (Header, Rows, Caption) = (header, rows, caption);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public string? Caption { get; }
}
