namespace StockAgent.Experiments;

/// <summary>What market an experiment ran on: "folder" (with its full path) or "synthetic" (with its settings and
/// seed), a fingerprint of the loaded bars (<see cref="MarketFingerprint"/>), the first and last trading day, the
/// traded symbols and the benchmark.</summary>
public sealed record DataIdentity(
    string Kind,
    string Source,
    string Fingerprint,
    DateOnly FirstDate,
    DateOnly LastDate,
    IReadOnlyList<string> Symbols,
    string? Benchmark,
    int? MarketSeed);
