using System.Runtime.CompilerServices;
using StockAgent.Agents;
using StockAgent.Features;
using StockAgent.Market;

namespace StockAgent.Backtest;

/// <summary>
/// The bar logic of <see cref="Backtester"/> for one episode, advanced one bar at a time so that many episodes can
/// be stepped in lockstep (one batched policy call per bar). Per bar: <see cref="Observe"/> settles the bar (the
/// pending order fills at its open, stops, the close-out at the last bar, the equity mark) and builds the
/// observation; the caller decides from <see cref="Bar"/>, <see cref="Position"/> and <see cref="Observation"/>
/// and passes the decision to <see cref="Apply"/>, which turns a changed target into the order that fills at the
/// next bar's open. <see cref="Observe"/> returns false once the last bar is settled; <see cref="Result"/> then
/// returns the backtest. Reads no bar after the one being settled.
/// </summary>
internal sealed class BacktestStepper
{
    private readonly string _policyId;
    private readonly PriceSeries _series;
    private readonly BacktestOptions _options;
    private readonly IObservationSource? _observations;
    private readonly int _start, _end, _n, _obsSize;
    private readonly bool _stops;
    private readonly double[] _open, _high, _low, _close;
    private readonly DateOnly[] _dates;
    private readonly double[] _equity, _cash, _shares, _exposure, _targets, _logProbs;
    private readonly int[] _actions;
    private readonly float[] _obs;
    private readonly float[]? _recorded;
    private readonly TradeBook _book;
    private double _cashNow, _sharesNow, _pending, _traded, _costs, _lastTarget;
    private bool _hasPending, _awaitingDecision, _finished;
    private int _i;
    private PositionState _position;

    /// <summary>Prepares bars [start, end] of <paramref name="series"/>; <paramref name="options"/> must be validated
    /// and allow the policy's actions (see <see cref="BacktestOptions.CheckPolicy"/>).</summary>
    public BacktestStepper(string policyId, PriceSeries series, BacktestOptions options, int start, int end, IObservationSource? observations)
    {
        if (start < 0 || end >= series.Count || end < start)
            throw new ArgumentOutOfRangeException(nameof(start), $"{series.Symbol}: bars [{start}, {end}] are not inside the series' 0..{series.Count - 1}.");
        _policyId = policyId;
        _series = series;
        (_open, _high, _low, _close, _dates) = (series.Open, series.High, series.Low, series.Close, series.Dates);
        _options = options;
        _observations = observations;
        _start = start;
        _end = end;
        _n = end - start + 1;
        _stops = options.StopLoss is not null || options.TakeProfit is not null;
        _equity = new double[_n];
        _cash = new double[_n];
        _shares = new double[_n];
        _exposure = new double[_n];
        _actions = new int[_n];
        _targets = new double[_n];
        _logProbs = new double[_n];
        _obsSize = observations?.Size ?? 0;
        _obs = _obsSize > 0 ? new float[_obsSize] : [];
        _recorded = options.RecordObservations && _obsSize > 0 ? new float[_n * _obsSize] : null;
        _book = new TradeBook(series.Symbol);
        _cashNow = options.InitialCash;
    }

    /// <summary>The bar being decided (an index into the series), valid after <see cref="Observe"/> returned true.</summary>
    public int Bar => _start + _i;

    public PositionState Position => _position;

    /// <summary>The observation at <see cref="Bar"/> (empty without an observation source); overwritten by the next <see cref="Observe"/>.</summary>
    public ReadOnlySpan<float> Observation => _obs;

    /// <summary>Settles the current bar. Returns true when a decision is due at it (then call <see cref="Apply"/>),
    /// false when it was the episode's last bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)] // inlined into Run's loop
    public bool Observe()
    {
        if (_awaitingDecision) throw new InvalidOperationException("the decision at the current bar has not been applied.");
        if (_finished) return false;
        int i = _i, t = _start + i;
        var options = _options;
        var dates = _dates;
        if (_hasPending && _pending != _sharesNow)
            Fills.Execute(ref _cashNow, ref _sharesNow, _pending - _sharesNow, _open[t], options.Costs, options.AllowShort, _book, dates[t], t, "signal", ref _traded, ref _costs);
        _hasPending = false;

        if (_stops)
        {
            var (price, reason) = Fills.CheckStops(_sharesNow, _book.EntryPrice, options.StopLoss, options.TakeProfit, _open[t], _high[t], _low[t]);
            if (!double.IsNaN(price))
                Fills.Execute(ref _cashNow, ref _sharesNow, -_sharesNow, price, options.Costs, options.AllowShort, _book, dates[t], t, reason, ref _traded, ref _costs);
        }

        double close = _close[t];
        bool last = i == _n - 1;
        if (last && options.CloseAtEnd && _sharesNow != 0)
            Fills.Execute(ref _cashNow, ref _sharesNow, -_sharesNow, close, options.Costs, options.AllowShort, _book, dates[t], t, "end", ref _traded, ref _costs);

        double value = _sharesNow * close;
        double eq = _cashNow + value;
        _equity[i] = eq;
        _cash[i] = _cashNow;
        _shares[i] = _sharesNow;
        _exposure[i] = eq > 0 ? value / eq : 0;

        if (last)
        {
            _actions[i] = -1;
            _targets[i] = double.NaN;
            _finished = true;
            return false;
        }
        _position = _book.PositionAt(_sharesNow, close, eq, t);
        if (_obsSize > 0)
        {
            _observations!.Observe(t, _position, _obs);
            if (_recorded is not null) _obs.AsSpan().CopyTo(_recorded.AsSpan(i * _obsSize, _obsSize));
        }
        _awaitingDecision = true;
        return true;
    }

    /// <summary>Records the decision at <see cref="Bar"/>; a target that differs from the previous one becomes whole
    /// shares at the bar's close, to fill at the next bar's open. Moves to the next bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    public void Apply(in PolicyDecision decision)
    {
        if (!_awaitingDecision) throw new InvalidOperationException("no decision is due: call Observe first.");
        int i = _i, t = _start + i;
        double e = decision.TargetExposure;
        if (!double.IsFinite(e) || Math.Abs(e) > 1)
            throw new InvalidOperationException($"policy {_policyId} returned target exposure {e} at {_dates[t]:yyyy-MM-dd}; it must be in [-1, 1].");
        if (e < 0 && !_options.AllowShort)
            throw new InvalidOperationException($"policy {_policyId} asked for a short position at {_dates[t]:yyyy-MM-dd} but shorting is not enabled.");
        _actions[i] = decision.Action;
        _targets[i] = e;
        _logProbs[i] = decision.LogProb;
        if (e != _lastTarget)
        {
            _pending = Fills.TargetShares(_equity[i], e, _options.PositionSize, _close[t]);
            _hasPending = true;
            _lastTarget = e;
        }
        _awaitingDecision = false;
        _i = i + 1;
    }

    /// <summary>Runs the remaining bars with one session's decisions and returns the result (<see cref="Backtester.Run"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the bar loop runs once per call: skip tiering
    public BacktestResult Run(IPolicySession session)
    {
        while (Observe()) Apply(session.Decide(new DecisionContext(Bar, _position, _obs, _observations)));
        return Result();
    }

    /// <summary>The finished backtest; only after <see cref="Observe"/> returned false.</summary>
    public BacktestResult Result()
    {
        if (!_finished) throw new InvalidOperationException($"{_series.Symbol}: the episode has not reached its last bar.");
        return new BacktestResult(_series.Symbol, _start, _series.Dates[_start..(_end + 1)], _equity, _cash, _shares, _exposure,
            _actions, _targets, _logProbs, _book.Trades, _traded, _costs, _options.InitialCash, _recorded, _obsSize);
    }
}
