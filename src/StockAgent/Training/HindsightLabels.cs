using StockAgent.Agents;

namespace StockAgent.Training;

/// <summary>
/// Supervised targets that look ahead (labels may; features never do): at bar t the exposure e of the action
/// space maximising the mean-variance utility e x R - (gamma / 2) x e^2 x s^2 over the next h bars, where
/// R = ln(close[t+h] / close[t]) and s^2 = h x the variance of daily log returns over the 20 bars up to t.
/// Bars without h bars ahead get -1 (no label).
/// </summary>
public static class HindsightLabels
{
    public static int[] Compute(ReadOnlySpan<double> close, ActionSpace actions, int horizon = 5, double riskAversion = 2)
    {
        if (horizon < 1) throw new ArgumentException($"label horizon must be at least 1 bar (got {horizon}).");
        int n = close.Length;
        var labels = new int[n];
        double sum = 0, sumSq = 0;
        var r = new double[n];
        for (int t = 0; t < n; t++)
        {
            r[t] = t == 0 ? 0 : Math.Log(close[t] / close[t - 1]);
            sum += r[t]; sumSq += r[t] * r[t];
            if (t >= 20) { sum -= r[t - 20]; sumSq -= r[t - 20] * r[t - 20]; }
            if (t + horizon >= n) { labels[t] = -1; continue; }
            int m = Math.Min(t + 1, 20);
            double mean = sum / m, variance = m > 1 ? Math.Max(0, (sumSq - m * mean * mean) / (m - 1)) : 0;
            double fwd = Math.Log(close[t + horizon] / close[t]), s2 = horizon * variance;
            int best = 0;
            double bestU = double.NegativeInfinity;
            for (int a = 0; a < actions.Count; a++)
            {
                double e = actions.Exposures[a];
                double u = e * fwd - 0.5 * riskAversion * e * e * s2;
                if (u > bestU) { bestU = u; best = a; }
            }
            labels[t] = best;
        }
        return labels;
    }
}
