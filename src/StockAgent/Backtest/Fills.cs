namespace StockAgent.Backtest;

/// <summary>Executes fills against cash and a position, with slippage, commission and the cash limit.</summary>
internal static class Fills
{
    /// <summary>Trades <paramref name="delta"/> shares at <paramref name="referencePrice"/> (slippage applied by side).
    /// Without shorting, buys are cut to what cash can pay for. Returns the shares actually traded.</summary>
    public static double Execute(ref double cash, ref double shares, double delta, double referencePrice, CostModel costs,
        bool allowShort, TradeBook book, DateOnly date, int bar, string reason, ref double traded, ref double totalCosts)
    {
        if (delta == 0) return 0;
        int side = Math.Sign(delta);
        double price = costs.Slippage.FillPrice(referencePrice, side);
        if (!allowShort)
        {
            if (delta > 0)
            {
                double unit = price + costs.Commission.Commission(price);
                double affordable = Math.Floor(Math.Max(0, cash) / unit);
                if (delta > affordable) delta = affordable;
                while (delta > 0 && delta * price + costs.Commission.Commission(delta * price) > cash) delta--;
                if (delta <= 0) return 0;
            }
            else if (shares + delta < 0)
                delta = -shares; // never sell more than is held
            if (delta == 0) return 0;
        }
        double notional = Math.Abs(delta) * price;
        double commission = costs.Commission.Commission(notional);
        book.Fill(shares, delta, price, commission, date, bar, reason);
        cash -= delta * price + commission;
        shares += delta;
        traded += notional;
        totalCosts += commission + Math.Abs(delta) * Math.Abs(price - referencePrice);
        return delta;
    }

    /// <summary>Whole shares for a signed target exposure: sign(e) x floor(equity x |e| x size / price).</summary>
    public static double TargetShares(double equity, double exposure, double positionSize, double price) =>
        equity <= 0 || price <= 0 ? 0 : Math.Sign(exposure) * Math.Floor(equity * Math.Abs(exposure) * positionSize / price);

    /// <summary>Checks a stop-loss / take-profit against bar (open, high, low) for an open position; returns the
    /// exit reference price and reason, or NaN. A gap through the level fills at the open. If both levels
    /// lie inside the bar's range the stop is assumed to come first (the conservative choice).</summary>
    public static (double Price, string Reason) CheckStops(double shares, double entryPrice, double? stopLoss, double? takeProfit,
        double open, double high, double low)
    {
        if (shares == 0 || double.IsNaN(entryPrice)) return (double.NaN, "");
        if (shares > 0)
        {
            if (stopLoss is { } sl)
            {
                double level = entryPrice * (1 - sl);
                if (open <= level) return (open, "stop-loss (gap)");
                if (low <= level) return (level, "stop-loss");
            }
            if (takeProfit is { } tp)
            {
                double level = entryPrice * (1 + tp);
                if (open >= level) return (open, "take-profit (gap)");
                if (high >= level) return (level, "take-profit");
            }
        }
        else
        {
            if (stopLoss is { } sl)
            {
                double level = entryPrice * (1 + sl);
                if (open >= level) return (open, "stop-loss (gap)");
                if (high >= level) return (level, "stop-loss");
            }
            if (takeProfit is { } tp)
            {
                double level = entryPrice * (1 - tp);
                if (open <= level) return (open, "take-profit (gap)");
                if (low <= level) return (level, "take-profit");
            }
        }
        return (double.NaN, "");
    }
}
