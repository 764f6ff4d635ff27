using System.Diagnostics;

namespace StockAgent.Cli.Bench;

/// <summary>Times benchmarks: warm-up runs (so the JIT reaches its optimised tier), then measured runs; reports the median and best.</summary>
public static class BenchmarkRunner
{
    public sealed record Figure(string Name, string Unit, long Units, double MedianSeconds, double BestSeconds)
    {
        public double UnitsPerSecond => Units / MedianSeconds;
    }

    public static Figure Measure(IBenchmark benchmark, int repeats, TimeSpan warmUp)
    {
        repeats = Math.Max(1, Math.Min(repeats, benchmark.MaxRepeats ?? repeats));
        var clock = Stopwatch.StartNew();
        long units = benchmark.Run();
        while (clock.Elapsed < warmUp) benchmark.Run();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            units = benchmark.Run();
            times[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return new Figure(benchmark.Name, benchmark.Unit, units, times[repeats / 2], times[0]);
    }
}
