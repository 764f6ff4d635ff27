namespace StockAgent.Features;

/// <summary>
/// The columns of the full observation (<see cref="MarketObservations.Names"/>, what every observation source writes and
/// every trajectory stores) that a model reads, in the model's order. A model of the full observation reads it as it is
/// (<see cref="IsAll"/>); any other selects its columns from each full row.
/// </summary>
public sealed class ObservationColumns
{
    /// <summary>The <c>features</c> setting of the base observation (<see cref="MarketObservations.BaseNames"/>).</summary>
    public const string Base = "base";

    /// <summary>The <c>features</c> setting of the base observation and the cross-sectional ranks (every column).</summary>
    public const string CrossSectional = "cross-sectional";

    private readonly int[] _indices;

    private ObservationColumns(string[] names, int[] indices)
    {
        Names = names;
        _indices = indices;
        IsAll = indices.Length == MarketObservations.Names.Count && indices.Select((c, i) => c == i).All(x => x);
    }

    /// <summary>The columns read, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Where each column read sits in the full observation.</summary>
    public IReadOnlyList<int> Indices => _indices;

    public int Count => _indices.Length;

    /// <summary>Values per full observation row.</summary>
    public static int FullSize => MarketObservations.Names.Count;

    /// <summary>True when the columns are the full observation in its order: rows pass through unchanged.</summary>
    public bool IsAll { get; }

    /// <summary>The columns named <paramref name="names"/>, each a distinct name of <see cref="MarketObservations.Names"/>;
    /// an error names the ones this kit does not build.</summary>
    public static ObservationColumns Of(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0) throw new ArgumentException("a model reads at least one observation column.", nameof(names));
        var all = MarketObservations.Names.ToList();
        var missing = names.Where(n => !all.Contains(n)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"observation column(s) [{string.Join(", ", missing)}] are not built by this version of the kit; " +
                $"it builds [{string.Join(", ", all)}].", nameof(names));
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"observation column {repeated.Key} is named more than once.", nameof(names));
        return new ObservationColumns([.. names], names.Select(n => all.IndexOf(n)).ToArray());
    }

    /// <summary>The columns of a <c>features</c> setting: <see cref="Base"/>, <see cref="CrossSectional"/>, or a
    /// comma-separated list of observation names (in the order the model reads them).</summary>
    public static ObservationColumns Parse(string features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.Trim() switch
        {
            Base => Of(MarketObservations.BaseNames),
            CrossSectional => Of(MarketObservations.Names),
            var list => Of(list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        };
    }

    /// <summary>Writes the columns of each full row of <paramref name="rows"/> (row-major, <see cref="FullSize"/> values a
    /// row) to <paramref name="destination"/> (<see cref="Count"/> values a row).</summary>
    public void Select(ReadOnlySpan<float> rows, Span<float> destination)
    {
        int full = FullSize, n = rows.Length / full;
        if (rows.Length % full != 0)
            throw new ArgumentException($"full observations are rows of {full} values (got {rows.Length} values).", nameof(rows));
        if (destination.Length < n * Count)
            throw new ArgumentException($"{n} rows of {Count} columns need {n * Count} values of room (got {destination.Length}).", nameof(destination));
        if (IsAll)
        {
            rows.CopyTo(destination);
            return;
        }
        for (int r = 0; r < n; r++)
        {
            var row = rows.Slice(r * full, full);
            var to = destination.Slice(r * Count, Count);
            for (int c = 0; c < _indices.Length; c++) to[c] = row[_indices[c]];
        }
    }

    /// <summary>The selected columns of the full rows <paramref name="rows"/> as a new array (the rows themselves when
    /// <see cref="IsAll"/>).</summary>
    public float[] Select(float[] rows)
    {
        if (IsAll) return rows;
        var result = new float[rows.Length / FullSize * Count];
        Select(rows, result);
        return result;
    }

    /// <summary><paramref name="source"/> (of full observations) as a source of these columns; itself when <see cref="IsAll"/>.</summary>
    public IObservationSource Over(IObservationSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (IsAll) return source;
        if (source.Size != FullSize)
            throw new ArgumentException($"the source gives {source.Size} values per bar, not the full observation of {FullSize}.", nameof(source));
        return new Selected(source, this);
    }

    private sealed class Selected(IObservationSource inner, ObservationColumns columns) : IObservationSource
    {
        public int Size => columns.Count;

        public void Observe(int t, in PositionState position, Span<float> destination)
        {
            Span<float> row = stackalloc float[inner.Size];
            inner.Observe(t, position, row);
            columns.Select(row, destination);
        }
    }
}
