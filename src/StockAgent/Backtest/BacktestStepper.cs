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
/// returns the backtest. Reads no bar after the one being settled. Fills, exits, sizing and the cash limit are the
/// <see cref="ExecutionModel"/>'s, the same as <see cref="PortfolioBacktester"/>'s.
/// </summary>
internal sealed class BacktestStepper
{
    private readonly string _policyId;
    private readonly PriceSeries _series;
    private readonly BacktestOptions _options;
    private readonly IObservationSource? _observations;
    private readonly int _start, _end, _n, _obsSize;
    private readonly ExecutionModel _model;
    private readonly Account _account;
    private readonly Holding _holding;
    private readonly double[] _open, _high, _low, _close;
    private readonly DateOnly[] _dates;
    private readonly double[] _equity, _cash, _shares, _exposure, _targets, _logProbs;
    private readonly int[] _actions;
    private readonly float[] _obs;
    private readonly float[]? _recorded;
    private bool _awaitingDecision, _finished;
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
        _model = new ExecutionModel(options);
        _account = new Account(options.InitialCash);
        _holding = new Holding(series.Symbol);
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
        var dates = _dates;
        var (model, account, holding) = (_model, _account, _holding);
        if (holding.HasPending) model.FillPending(account, holding, _open[t], dates[t], t);
        if (model.HasExits) model.ApplyExits(account, holding, _open[t], _high[t], _low[t], dates[t], t);

        double close = _close[t];
        bool last = i == _n - 1;
        if (last && model.CloseAtEnd) model.CloseOut(account, holding, close, dates[t], t);

        double shares = holding.Shares, cash = account.Cash;
        double value = shares * close;
        double eq = cash + value;
        _equity[i] = eq;
        _cash[i] = cash;
        _shares[i] = shares;
        _exposure[i] = eq > 0 ? value / eq : 0;

        if (last)
        {
            _actions[i] = -1;
            _targets[i] = double.NaN;
            _finished = true;
            return false;
        }
        _position = holding.PositionAt(close, eq, t);
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
        _model.CheckTarget(_policyId, e, _series.Symbol, _dates[t]);
        _actions[i] = decision.Action;
        _targets[i] = e;
        _logProbs[i] = decision.LogProb;
        if (_holding.Decide(e)) _holding.Order(_model.TargetShares(_equity[i], e, _close[t]));
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
            _actions, _targets, _logProbs, _holding.Book.Trades, _account.Traded, _account.Costs, _options.InitialCash, _recorded, _obsSize);
    }
}
