namespace StockAgent.Experiments;

/// <summary>A named historical stress period, inclusive dates, scored on the held-out symbols by <see cref="RobustnessRun"/>.</summary>
public sealed record CrisisWindow(string Name, DateOnly From, DateOnly To)
{
    /// <summary>The dot-com bust, the global financial crisis and the COVID crash.</summary>
    public static IReadOnlyList<CrisisWindow> Defaults { get; } =
    [
        new("dot-com bust 2000-2002", new DateOnly(2000, 3, 1), new DateOnly(2002, 10, 31)),
        new("financial crisis 2007-2009", new DateOnly(2007, 10, 1), new DateOnly(2009, 3, 31)),
        new("covid crash 2020", new DateOnly(2020, 2, 1), new DateOnly(2020, 4, 30)),
    ];
}
