namespace StockAgent.Cli.Bench;

/// <summary>A benchmark made of a name, a unit and a function.</summary>
public sealed class DelegateBenchmark(string name, string unit, Func<long> run) : IBenchmark
{
    public string Name => name;
    public string Unit => unit;
    public long Run() => run();
}
