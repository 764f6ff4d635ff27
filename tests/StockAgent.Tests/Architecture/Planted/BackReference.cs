namespace StockAgent.Tests.Architecture.Planted.Market;

/// <summary>A deliberate back-reference (Market -> Training) for <see cref="AreaFlowTests"/> to catch.</summary>
public sealed class BackReference
{
    public static int Iterations() => new StockAgent.Tests.Architecture.Planted.Training.Trainer().Iterations;
}
