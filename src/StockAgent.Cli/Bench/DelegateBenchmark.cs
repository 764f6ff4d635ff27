namespace StockAgent.Cli.Bench;

/// <summary>A benchmark made of a name, a unit, a function and an optional note.</summary>
public sealed class DelegateBenchmark(string name, string unit, Func<long> run, Func<string?>? note = null, int? maxRepeats = null) : IBenchmark
{
    public string Name => name;
    public string Unit => unit;
    public long Run() => run();
    public string? Note => note?.Invoke();
    public int? MaxRepeats => maxRepeats;
}
