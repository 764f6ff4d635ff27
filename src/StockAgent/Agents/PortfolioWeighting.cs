using System.Globalization;

namespace StockAgent.Agents;

/// <summary>
/// How a portfolio policy turns one score per symbol into target weights (fractions of portfolio equity, signed).
/// <list type="bullet">
/// <item><c>top-k</c>, long-only: the <see cref="TopK"/> highest scores among the eligible symbols get 1/k each; the rest
/// of the equity stays in cash (fewer than k eligible symbols, or fewer than k symbols deciding, leave cash).</item>
/// <item><c>top-k</c>, long-short (market-neutral): the k highest scores long and the k lowest short, each 1/(2k), with
/// k cut to floor(n / 2) for n symbols; eligibility is not used (the book is always neutral).</item>
/// <item><c>softmax</c>, long-only: w_i = exp(s_i / T) / sum_j exp(s_j / T) over the eligible symbols (none eligible: all
/// cash), T = <see cref="Temperature"/>.</item>
/// <item><c>softmax</c>, long-short: the softmax over all symbols minus its mean (1/n), scaled to a gross exposure
/// sum |w_i| of 1 (all zero when the scores are all equal).</item>
/// </list>
/// Ties in rank go to the symbol listed first. A symbol is eligible when its chosen action is above the action space's
/// smallest exposure (so the model can hold cash by choosing it).
/// </summary>
public sealed record PortfolioWeighting
{
    public const string TopKScheme = "top-k";
    public const string SoftmaxScheme = "softmax";

    /// <summary>"top-k" or "softmax".</summary>
    public string Scheme { get; init; } = TopKScheme;

    /// <summary>k of top-k: symbols held long (and, long-short, short).</summary>
    public int TopK { get; init; } = 5;

    /// <summary>Softmax temperature T (in units of the score, an exposure).</summary>
    public double Temperature { get; init; } = 0.1;

    /// <summary>Long-short market-neutral instead of long-only.</summary>
    public bool LongShort { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the setting that is out of range.</summary>
    public void Validate()
    {
        if (Scheme is not (TopKScheme or SoftmaxScheme))
            throw new ArgumentException($"the weighting scheme must be {TopKScheme} or {SoftmaxScheme} (got '{Scheme}').", nameof(Scheme));
        if (TopK < 1 || TopK > 100_000)
            throw new ArgumentOutOfRangeException(nameof(TopK), $"top k must be between 1 and 100000 (got {TopK}).");
        if (!(Temperature > 0) || !double.IsFinite(Temperature))
            throw new ArgumentOutOfRangeException(nameof(Temperature), string.Create(CultureInfo.InvariantCulture, $"the softmax temperature must be positive (got {Temperature})."));
    }

    /// <summary>The weight that counts as a full position of one symbol among <paramref name="symbols"/>: 1/k for
    /// top-k (1/(2k) long-short, with k cut as in <see cref="Weights"/>), 1/n for softmax.</summary>
    public double FullWeight(int symbols)
    {
        if (symbols < 1) return 1;
        if (Scheme == SoftmaxScheme) return 1.0 / symbols;
        return LongShort ? 1.0 / (2 * Math.Max(1, Math.Min(TopK, symbols / 2))) : 1.0 / TopK;
    }

    /// <summary>Writes the weight of every symbol into <paramref name="weights"/> from its score and whether it is
    /// eligible (see the type's summary).</summary>
    public void Weights(ReadOnlySpan<double> scores, ReadOnlySpan<bool> eligible, Span<double> weights)
    {
        int n = scores.Length;
        if (eligible.Length != n || weights.Length < n)
            throw new ArgumentException($"{n} scores need {n} eligibility flags (got {eligible.Length}) and {n} places for weights (got {weights.Length}).");
        for (int i = 0; i < n; i++)
            if (!double.IsFinite(scores[i])) throw new ArgumentException($"score {i} is {scores[i]}; scores must be finite.", nameof(scores));
        weights[..n].Clear();
        if (n == 0) return;
        if (Scheme == TopKScheme) TopKWeights(scores, eligible, weights);
        else SoftmaxWeights(scores, eligible, weights);
    }

    private void TopKWeights(ReadOnlySpan<double> scores, ReadOnlySpan<bool> eligible, Span<double> weights)
    {
        int n = scores.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var s = scores.ToArray();
        // Descending score, ties in symbol order (a stable sort of the indices).
        Array.Sort(order, (a, b) => s[a] != s[b] ? s[b].CompareTo(s[a]) : a.CompareTo(b));
        if (LongShort)
        {
            int k = Math.Min(TopK, n / 2);
            for (int j = 0; j < k; j++)
            {
                weights[order[j]] = 1.0 / (2 * k);
                weights[order[n - 1 - j]] = -1.0 / (2 * k);
            }
            return;
        }
        int taken = 0;
        for (int j = 0; j < n && taken < TopK; j++)
        {
            if (!eligible[order[j]]) continue;
            weights[order[j]] = 1.0 / TopK;
            taken++;
        }
    }

    private void SoftmaxWeights(ReadOnlySpan<double> scores, ReadOnlySpan<bool> eligible, Span<double> weights)
    {
        int n = scores.Length;
        double max = double.NegativeInfinity;
        for (int i = 0; i < n; i++) if (LongShort || eligible[i]) max = Math.Max(max, scores[i]);
        if (double.IsNegativeInfinity(max)) return; // nothing eligible: all cash
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (!LongShort && !eligible[i]) continue;
            weights[i] = Math.Exp((scores[i] - max) / Temperature);
            sum += weights[i];
        }
        for (int i = 0; i < n; i++) weights[i] /= sum;
        if (!LongShort) return;
        double mean = 1.0 / n, gross = 0;
        for (int i = 0; i < n; i++)
        {
            weights[i] -= mean;
            gross += Math.Abs(weights[i]);
        }
        for (int i = 0; i < n; i++) weights[i] = gross > 1e-12 ? weights[i] / gross : 0;
    }
}
