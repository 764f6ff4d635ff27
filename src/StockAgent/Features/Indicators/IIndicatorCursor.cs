namespace StockAgent.Features;

/// <summary>An indicator's one-step update (LEAN's idea: the indicator writes only its update): consume the value at t
/// (t = 0, 1, 2, ...), then read the output at t. A kernel's span form is <see cref="Fill{T}"/> over its cursor, so
/// callers that go bar by bar with the cursor get the kernel's numbers.</summary>
internal interface IIndicatorCursor
{
    void Advance(ReadOnlySpan<double> source, int t);

    double Value(int t);
}
