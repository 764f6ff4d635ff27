using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// The day loop's state shared by both <see cref="PortfolioBacktester"/> runs: the calendar (the union of the symbols'
/// trading days within the options' range), each symbol's bar on each day, one cash account with a holding per symbol,
/// and the equity, cash and gross exposure of every day. A day is: <see cref="Fill"/> yesterday's orders at today's open
/// (sells first), <see cref="Mark"/> (stops, end-of-run liquidation, marking at the close), then the caller's decisions
/// through <see cref="Rebalance"/>, whose orders fill at the next open.
/// </summary>
internal sealed class PortfolioLedger
{
    private readonly PortfolioOptions _options;
    private readonly int[] _order, _lastBar;
    private readonly double[] _change, _lastClose;

    public PortfolioLedger(IReadOnlyList<PriceSeries> series, PortfolioOptions options)
    {
        if (series.Count == 0) throw new ArgumentException("a portfolio needs at least one symbol.", nameof(series));
        _options = options;
        Dates = series.SelectMany(s =>
            {
                int first = options.From is { } f ? s.IndexOnOrAfter(f) : 0, end = options.To is { } t ? s.IndexOnOrAfter(t.AddDays(1)) : s.Count;
                return new ArraySegment<DateOnly>(s.Dates, first, Math.Max(0, end - first));
            }).Distinct().Order().ToArray();
        if (Dates.Length == 0) throw new ArgumentException("no trading days in the chosen date range.", nameof(options));
        int m = series.Count, n = Dates.Length;
        Symbols = series.ToArray(); // the day loop indexes an array, not the list interface
        // Bar[k][i]: index of symbol k's bar on day i, or -1.
        Bar = new int[m][];
        for (int k = 0; k < m; k++)
        {
            Bar[k] = new int[n];
            var sd = Symbols[k].Dates;
            int j = Symbols[k].IndexOnOrAfter(Dates[0]);
            for (int i = 0; i < n; i++)
            {
                if (j < sd.Length && sd[j] == Dates[i]) Bar[k][i] = j++;
                else Bar[k][i] = -1;
            }
        }
        Model = new ExecutionModel(options.Backtest);
        Account = new Account(options.Backtest.InitialCash);
        Holdings = series.Select(s => new Holding(s.Symbol)).ToArray();
        _lastClose = new double[m];
        _lastBar = Enumerable.Repeat(-1, m).ToArray();
        Equity = new double[n];
        Cash = new double[n];
        Gross = new double[n];
        Shares = Enumerable.Range(0, m).Select(_ => new double[n]).ToArray();
        _order = new int[m];
        _change = new double[m];
    }

    public DateOnly[] Dates { get; }
    public PriceSeries[] Symbols { get; }
    public int[][] Bar { get; }
    public ExecutionModel Model { get; }
    public Account Account { get; }
    public Holding[] Holdings { get; }
    public double[] Equity { get; }
    public double[] Cash { get; }
    public double[] Gross { get; }

    /// <summary>Shares[k][i]: symbol k's shares at day i's close.</summary>
    public double[][] Shares { get; }

    /// <summary>Yesterday's orders fill at day <paramref name="i"/>'s open, sells first so that their cash can fund the buys.</summary>
    public void Fill(int i)
    {
        int count = 0;
        for (int k = 0; k < Symbols.Length; k++)
        {
            var h = Holdings[k];
            if (!h.HasPending || Bar[k][i] < 0) continue;
            double delta = h.PendingShares - h.Shares;
            int at = count++;
            for (; at > 0 && _change[at - 1] > delta; at--) // insertion by change, ties in symbol order
            {
                _change[at] = _change[at - 1];
                _order[at] = _order[at - 1];
            }
            _change[at] = delta;
            _order[at] = k;
        }
        for (int q = 0; q < count; q++)
        {
            int k = _order[q], b = Bar[k][i];
            var s = Symbols[k];
            Model.FillPending(Account, Holdings[k], s.Open[b], s.Dates[b], b);
        }
    }

    /// <summary>Stops, end-of-run liquidation (on the last day every open position closes at its last close), and
    /// marking to market; records and returns day <paramref name="i"/>'s equity.</summary>
    public double Mark(int i)
    {
        int n = Dates.Length;
        double value = 0, grossValue = 0;
        for (int k = 0; k < Symbols.Length; k++)
        {
            int b = Bar[k][i];
            var h = Holdings[k];
            var s = Symbols[k];
            if (b >= 0)
            {
                if (Model.HasExits) Model.ApplyExits(Account, h, s.Open[b], s.High[b], s.Low[b], s.Dates[b], b);
                _lastClose[k] = s.Close[b];
                _lastBar[k] = b;
            }
            if (i == n - 1 && Model.CloseAtEnd && _lastBar[k] >= 0)
                Model.CloseOut(Account, h, _lastClose[k], s.Dates[_lastBar[k]], _lastBar[k]);
            Shares[k][i] = h.Shares;
            value += h.Shares * _lastClose[k];
            grossValue += Math.Abs(h.Shares * _lastClose[k]);
        }
        double eq = Account.Cash + value;
        Equity[i] = eq;
        Cash[i] = Account.Cash;
        Gross[i] = eq > 0 ? grossValue / eq : 0;
        return eq;
    }

    /// <summary>Symbol <paramref name="k"/>'s decided target (<paramref name="target"/>, kept to lift a stop's "stay flat"
    /// when it changes) and its order toward <paramref name="weight"/> of equity <paramref name="eq"/> at its bar
    /// <paramref name="b"/>'s close: traded only when the weight is zero (and shares are held), its sign changes, or it
    /// differs from the current weight by more than the rebalance tolerance.</summary>
    public void Rebalance(int k, int b, double target, double weight, double eq)
    {
        var s = Symbols[k];
        var h = Holdings[k];
        h.Decide(target);
        if (h.Stopped) return; // stopped out: flat until the target changes
        double currentWeight = eq > 0 ? h.Shares * s.Close[b] / eq : 0;
        bool mustTrade = weight == 0
            ? h.Shares != 0
            : Math.Sign(weight) != Math.Sign(currentWeight) || Math.Abs(weight * _options.Backtest.PositionSize - currentWeight) > _options.RebalanceTolerance;
        if (mustTrade) h.Order(Model.TargetShares(eq, weight, s.Close[b]));
    }

    /// <summary>What a policy may know of symbol <paramref name="k"/>'s position at its bar <paramref name="b"/>'s close,
    /// its exposure measured against <paramref name="basis"/> (a sleeve, or a full position's value).</summary>
    public PositionState PositionOf(int k, int b, double basis) => Holdings[k].PositionAt(Symbols[k].Close[b], basis, b);

    public PortfolioResult Result(PortfolioDecisions? decisions = null) =>
        new(Symbols.Select(s => s.Symbol).ToArray(), Dates, Equity, Cash, Gross,
            Holdings.SelectMany(h => h.Book.Trades).OrderBy(t => t.ExitDate).ToList(), Account.Traded, Account.Costs, _options.Backtest.InitialCash, decisions, Shares);
}
