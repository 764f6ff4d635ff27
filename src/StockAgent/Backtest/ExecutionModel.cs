using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace StockAgent.Backtest;

/// <summary>
/// How decisions become fills, for <see cref="BacktestStepper"/> (one symbol) and <see cref="PortfolioBacktester"/>
/// alike. Sizing: a target exposure becomes whole shares at the decision's close, sign(e) floor(equity |e| size / close).
/// Fills: an order fills at the symbol's next open; the fill price carries slippage against the trader
/// (<see cref="ISlippageModel"/>) and the fill pays commission (<see cref="ICommissionModel"/>), bundled as the
/// <see cref="CostModel"/>. Without shorting, buys are cut to the whole shares cash can pay for (commission included) and
/// sells to the shares held; with it, a sale past zero reverses the position (one trade closes, the next opens). Exits:
/// after the open, a stop-loss / take-profit (fractions of the entry price) fills at its level, or at the open when the
/// price gapped through it; if both levels lie inside the bar the stop is assumed to come first (the conservative
/// choice). After a stop the position stays flat until the target changes. The last bar can close everything at its close.
/// </summary>
internal sealed class ExecutionModel(BacktestOptions options)
{
    private readonly CostModel _costs = options.Costs;
    private readonly bool _allowShort = options.AllowShort;
    private readonly double _positionSize = options.PositionSize;
    private readonly double? _stopLoss = options.StopLoss, _takeProfit = options.TakeProfit;

    public bool HasExits { get; } = options.StopLoss is not null || options.TakeProfit is not null;

    public bool CloseAtEnd { get; } = options.CloseAtEnd;

    /// <summary>Whole shares for a signed target exposure: sign(e) x floor(equity x |e| x position size / price).</summary>
    public double TargetShares(double equity, double exposure, double price) =>
        equity <= 0 || price <= 0 ? 0 : Math.Sign(exposure) * Math.Floor(equity * Math.Abs(exposure) * _positionSize / price);

    /// <summary>A policy's decision must be a finite exposure in [-1, 1], short only when shorting is on; anything else is
    /// a bug in the policy, not bad input.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per decision: the check inline, the message out of line
    public void CheckTarget(string policyId, double exposure, string symbol, DateOnly date)
    {
        if (!(Math.Abs(exposure) <= 1) || (exposure < 0 && !_allowShort)) ThrowBadTarget(policyId, exposure, symbol, date);
    }

    [DoesNotReturn]
    private void ThrowBadTarget(string policyId, double exposure, string symbol, DateOnly date)
    {
        if (!double.IsFinite(exposure) || Math.Abs(exposure) > 1)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"policy {policyId} returned target exposure {exposure} for {symbol} at {date:yyyy-MM-dd}; it must be in [-1, 1]."));
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"policy {policyId} asked for a short position in {symbol} at {date:yyyy-MM-dd} but shorting is not enabled."));
    }

    /// <summary>Fills the holding's pending order at <paramref name="open"/> (if it changes the shares) and clears it.</summary>
    public void FillPending(Account account, Holding holding, double open, DateOnly date, int bar)
    {
        if (holding.PendingShares != holding.Shares)
            Execute(account, holding, holding.PendingShares - holding.Shares, open, date, bar, "signal");
        holding.HasPending = false;
    }

    /// <summary>Checks the stop-loss and take-profit of an open position against the bar (after its open) and exits
    /// when one is hit.</summary>
    public void ApplyExits(Account account, Holding holding, double open, double high, double low, DateOnly date, int bar)
    {
        var (price, reason) = ExitPrice(holding.Shares, holding.Book.EntryPrice, open, high, low);
        if (double.IsNaN(price)) return;
        Execute(account, holding, -holding.Shares, price, date, bar, reason);
        holding.Stopped = true;
    }

    /// <summary>Closes the position at <paramref name="close"/> (with costs) so that every trade is counted.</summary>
    public void CloseOut(Account account, Holding holding, double close, DateOnly date, int bar)
    {
        if (holding.Shares != 0) Execute(account, holding, -holding.Shares, close, date, bar, "end");
    }

    /// <summary>Trades <paramref name="delta"/> shares at <paramref name="referencePrice"/> plus slippage, within the
    /// cash limit when shorting is off.</summary>
    private void Execute(Account account, Holding holding, double delta, double referencePrice, DateOnly date, int bar, string reason)
    {
        if (delta == 0) return;
        int side = Math.Sign(delta);
        double price = _costs.Slippage.FillPrice(referencePrice, side);
        double shares = holding.Shares;
        if (!_allowShort)
        {
            if (delta > 0)
            {
                double cash = account.Cash;
                double unit = price + _costs.Commission.Commission(price);
                double affordable = Math.Floor(Math.Max(0, cash) / unit);
                if (delta > affordable) delta = affordable;
                while (delta > 0 && delta * price + _costs.Commission.Commission(delta * price) > cash) delta--;
                if (delta <= 0) return;
            }
            else if (shares + delta < 0)
                delta = -shares; // never sell more than is held
            if (delta == 0) return;
        }
        double notional = Math.Abs(delta) * price;
        double commission = _costs.Commission.Commission(notional);
        holding.Book.Fill(shares, delta, price, commission, date, bar, reason);
        account.Cash -= delta * price + commission;
        holding.Shares = shares + delta;
        account.Traded += notional;
        account.Costs += commission + Math.Abs(delta) * Math.Abs(price - referencePrice);
    }

    /// <summary>The exit reference price and reason for an open position on a bar (open, high, low), or NaN.</summary>
    private (double Price, string Reason) ExitPrice(double shares, double entryPrice, double open, double high, double low)
    {
        if (shares == 0 || double.IsNaN(entryPrice)) return (double.NaN, "");
        if (shares > 0)
        {
            if (_stopLoss is { } sl)
            {
                double level = entryPrice * (1 - sl);
                if (open <= level) return (open, "stop-loss (gap)");
                if (low <= level) return (level, "stop-loss");
            }
            if (_takeProfit is { } tp)
            {
                double level = entryPrice * (1 + tp);
                if (open >= level) return (open, "take-profit (gap)");
                if (high >= level) return (level, "take-profit");
            }
        }
        else
        {
            if (_stopLoss is { } sl)
            {
                double level = entryPrice * (1 + sl);
                if (open >= level) return (open, "stop-loss (gap)");
                if (high >= level) return (level, "stop-loss");
            }
            if (_takeProfit is { } tp)
            {
                double level = entryPrice * (1 - tp);
                if (open <= level) return (open, "take-profit (gap)");
                if (low <= level) return (level, "take-profit");
            }
        }
        return (double.NaN, "");
    }
}
