using StockAgent.Evaluation;

namespace StockAgent.Experiments;

/// <summary>One error analysis: the policy (what collect's policy accepts: a baseline name, <c>model:PATH</c> where a
/// run folder stands for its best model, <c>ensemble:PATH,...</c>, <c>ensemble-mean:PATH,...</c>), the test window
/// (the split's test period, or the last <see cref="TestDays"/> trading days, limited to <see cref="From"/>..<see
/// cref="To"/>), the analysis options, and optionally <see cref="Corrective"/> trajectories on the failing slices,
/// stored in <see cref="Library"/> as one batch seeded from <see cref="Seed"/> and the library's batch count.</summary>
public sealed record ErrorAnalysisSettings
{
    public required string Model { get; init; }
    public int? TestDays { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public ErrorAnalysisOptions Analysis { get; init; } = new();
    public int Corrective { get; init; }
    public string? Library { get; init; }

    /// <summary>Decisions per corrective episode (trading days), as collect's window.</summary>
    public int CorrectiveWindow { get; init; } = 60;

    public int Seed { get; init; } = 7;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting (its property name) that is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Model)) throw new ArgumentException("a model or baseline to analyse is needed.", nameof(Model));
        Analysis.Validate();
        if (From is { } f && To is { } t && f > t) throw new ArgumentException($"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd}).", nameof(From));
        if (Corrective is < 0 or > CollectionSettings.MaxBatchSize)
            throw new ArgumentException($"corrective must be between 0 and {CollectionSettings.MaxBatchSize:N0} trajectories (got {Corrective:N0}).", nameof(Corrective));
        if (Corrective > 0 && string.IsNullOrWhiteSpace(Library)) throw new ArgumentException("corrective trajectories need an experience library to store them in.", nameof(Library));
        if (CorrectiveWindow is < 2 or > 10_000) throw new ArgumentException($"the corrective window must be between 2 and 10,000 decisions (got {CorrectiveWindow:N0}).", nameof(CorrectiveWindow));
    }
}
