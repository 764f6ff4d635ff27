namespace StockAgent.Tests.Architecture.Planted.Training;

/// <summary>The planted forward target of <see cref="Market.BackReference"/> (Training may depend on Market; this does not).</summary>
public sealed class Trainer
{
    public int Iterations { get; } = 3;
}
