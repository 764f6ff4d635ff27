namespace StockAgent.Backtest;

/// <summary>Turns fills into round-trip <see cref="Trade"/>s: a trade opens when the position leaves zero,
/// and closes when it returns to zero or reverses (a reversal closes one trade and opens the next).</summary>
internal sealed class TradeBook(string symbol)
{
    private readonly List<Trade> _trades = [];
    private int _side;
    private double _cashFlow, _entryNotional, _entryShares, _exitNotional, _exitShares, _maxShares;
    private DateOnly _entryDate;
    private int _entryBar;

    public List<Trade> Trades => _trades;

    public DateOnly EntryDate => _entryDate;

    /// <summary>Average entry price of the open trade (NaN when flat).</summary>
    public double EntryPrice => _entryShares > 0 ? _entryNotional / _entryShares : double.NaN;

    public int EntryBar => _entryBar;

    /// <summary>Records a fill of <paramref name="delta"/> shares (signed) at <paramref name="price"/> with
    /// <paramref name="commission"/>, given the position before it.</summary>
    public void Fill(double positionBefore, double delta, double price, double commission, DateOnly date, int bar, string reason)
    {
        double after = positionBefore + delta;
        if (positionBefore != 0 && (after == 0 || Math.Sign(after) != Math.Sign(positionBefore)))
        {
            // Part (or all) of this fill closes the open trade; commission is shared pro rata.
            double closing = -positionBefore;
            double share = closing / delta;
            Add(closing, price, commission * share);
            Close(date, bar, reason);
            double opening = delta - closing;
            if (opening != 0) Open(opening, price, commission * (1 - share), date, bar);
        }
        else if (positionBefore == 0)
            Open(delta, price, commission, date, bar);
        else
            Add(delta, price, commission);
    }

    private void Open(double delta, double price, double commission, DateOnly date, int bar)
    {
        _side = Math.Sign(delta);
        _cashFlow = 0; _entryNotional = 0; _entryShares = 0; _exitNotional = 0; _exitShares = 0; _maxShares = 0;
        _entryDate = date;
        _entryBar = bar;
        Add(delta, price, commission);
    }

    private void Add(double delta, double price, double commission)
    {
        _cashFlow += -delta * price - commission;
        if (Math.Sign(delta) == _side)
        {
            _entryNotional += Math.Abs(delta) * price;
            _entryShares += Math.Abs(delta);
            _maxShares = Math.Max(_maxShares, _entryShares - _exitShares);
        }
        else
        {
            _exitNotional += Math.Abs(delta) * price;
            _exitShares += Math.Abs(delta);
        }
    }

    private void Close(DateOnly date, int bar, string reason)
    {
        double entryPrice = _entryNotional / _entryShares;
        _trades.Add(new Trade(symbol, _side, _entryDate, entryPrice, date, _exitNotional / _exitShares, _maxShares,
            _cashFlow, _cashFlow / _entryNotional, bar - _entryBar, reason));
        _side = 0;
    }
}
