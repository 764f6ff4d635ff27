"""Reference values for the indicator contract tests (tests/StockAgent.Tests/Features/Indicators).

An implementation independent of the C# kernels, in the Python standard library only, written from the indicators'
definitions (windows recomputed from scratch, statistics.stdev for sample deviations, the EMA in its
alpha * x + (1 - alpha) * previous form), run on a seeded synthetic price series: a geometric random walk of 320 daily
closes with a 25-bar stretch of one unchanged price (bars 150-174, as in a halted stock). Run it from this folder:

    python3 generate.py

It rewrites every CSV here. Columns: t, x (the indicator's input), then its outputs; an empty cell is NaN (warm-up, or
no spread in the window). Floats are written with repr, so they round-trip exactly.
"""

import csv
import math
import random
import statistics

NAN = float("nan")


def series(seed=20240611, bars=320):
    rng = random.Random(seed)
    closes, price = [], 50.0
    for t in range(bars):
        if not 150 <= t < 175:
            price *= math.exp(rng.gauss(0.0003, 0.018))
        closes.append(price)
    return closes


def sma(x, n):
    return [math.fsum(x[t - n + 1:t + 1]) / n if t >= n - 1 else NAN for t in range(len(x))]


def ema_raw(x):
    """The recursion from t = 0, seeded at the first value."""
    def run(alpha):
        out, e = [], x[0]
        for v in x:
            e = alpha * v + (1 - alpha) * e
            out.append(e)
        return out
    return run


def ema(x, n):
    raw = ema_raw(x)(2 / (n + 1))
    return [v if t >= n - 1 else NAN for t, v in enumerate(raw)]


def rsi(x, n):
    out = [NAN] * len(x)
    gains = [max(x[t] - x[t - 1], 0) for t in range(1, len(x))]
    losses = [max(x[t - 1] - x[t], 0) for t in range(1, len(x))]
    for t in range(n, len(x)):
        if t == n:
            g, l = sum(gains[:n]) / n, sum(losses[:n]) / n
        else:
            g, l = (g * (n - 1) + gains[t - 1]) / n, (l * (n - 1) + losses[t - 1]) / n
        out[t] = 100.0 if l == 0 else 100 - 100 / (1 + g / l)
    return out


def rolling_volatility(r, n):
    return [statistics.stdev(r[t - n + 1:t + 1]) if t >= n - 1 else NAN for t in range(len(r))]


def log_return(x, k):
    return [math.log(x[t] / x[t - k]) if t >= k else NAN for t in range(len(x))]


def rolling_max(x, n):
    return [max(x[max(0, t - n + 1):t + 1]) for t in range(len(x))]


def macd(x, fast, slow, signal):
    line = [a - b for a, b in zip(ema_raw(x)(2 / (fast + 1)), ema_raw(x)(2 / (slow + 1)))]
    sig = ema_raw(line)(2 / (signal + 1))
    ready = slow + signal - 2
    return ([v if t >= slow - 1 else NAN for t, v in enumerate(line)],
            [v if t >= ready else NAN for t, v in enumerate(sig)],
            [a - b if t >= ready else NAN for t, (a, b) in enumerate(zip(line, sig))])


def bollinger(x, n, k):
    middle, upper, lower, percent_b, z = ([NAN] * len(x) for _ in range(5))
    for t in range(n - 1, len(x)):
        w = x[t - n + 1:t + 1]
        m, s = statistics.mean(w), statistics.stdev(w)
        middle[t], upper[t], lower[t] = m, m + k * s, m - k * s
        if s > 1e-12 * abs(m):
            percent_b[t] = (x[t] - lower[t]) / (upper[t] - lower[t])
            z[t] = (x[t] - m) / s
    return middle, upper, lower, percent_b, z


def write(name, x, **outputs):
    with open(name + ".csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["t", "x", *outputs])
        for t in range(len(x)):
            w.writerow([t, repr(x[t]), *("" if math.isnan(o[t]) else repr(o[t]) for o in outputs.values())])


if __name__ == "__main__":
    close = series()
    returns = [math.log(close[t] / close[t - 1]) for t in range(1, len(close))]
    write("sma_20", close, sma=sma(close, 20))
    write("ema_12", close, ema=ema(close, 12))
    write("rsi_14", close, rsi=rsi(close, 14))
    write("rolling_volatility_20", returns, volatility=rolling_volatility(returns, 20))
    write("log_return_5", close, log_return=log_return(close, 5))
    write("rolling_max_50", close, max=rolling_max(close, 50))
    m, s, h = macd(close, 12, 26, 9)
    write("macd_12_26_9", close, macd=m, signal=s, histogram=h)
    mid, up, low, pb, z = bollinger(close, 20, 2)
    write("bollinger_20_2", close, middle=mid, upper=up, lower=low, percent_b=pb, z_score=z)
