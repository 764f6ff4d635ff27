using StockAgent.Features;

namespace StockAgent.Backtest;

/// <summary>
/// One symbol's position in an <see cref="Account"/>: shares held (signed), the order waiting for the symbol's next
/// open, the last target exposure decided, whether a stop closed the position since that target was set, and the
/// trade book of its round trips.
/// </summary>
internal sealed class Holding(string symbol)
{
    public double Shares;
    public double PendingShares;
    public bool HasPending;
    public double LastTarget;
    public bool Stopped;

    public TradeBook Book { get; } = new(symbol);

    /// <summary>Records a decided target exposure; true when it differs from the last one (which also lifts a stop's
    /// "stay flat": after a stop the position stays flat until the target changes).</summary>
    public bool Decide(double target)
    {
        if (target == LastTarget) return false;
        LastTarget = target;
        Stopped = false;
        return true;
    }

    /// <summary>Places the order that fills at the symbol's next open: hold <paramref name="shares"/> (signed) then.</summary>
    public void Order(double shares)
    {
        PendingShares = shares;
        HasPending = true;
    }

    /// <summary>What a policy may know of this position at bar <paramref name="bar"/>'s close.</summary>
    public PositionState PositionAt(double close, double equity, int bar) =>
        Shares == 0
            ? PositionState.Flat
            : new PositionState(equity > 0 ? Shares * close / equity : 0, Math.Sign(Shares) * (close / Book.EntryPrice - 1), bar - Book.EntryBar);
}
