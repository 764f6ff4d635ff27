namespace StockAgent.Training;

/// <summary>
/// Generalised advantage estimation (Schulman et al. 2016) over one episode that ends after its last step (the value
/// after it is 0): delta_t = r_t + gamma V_{t+1} - V_t, A_t = delta_t + gamma lambda A_{t+1}, and the value target
/// (return) R_t = A_t + V_t. lambda = 1 gives discounted returns minus V; lambda = 0 gives one-step TD errors.
/// </summary>
public static class Gae
{
    public static void Compute(ReadOnlySpan<double> rewards, ReadOnlySpan<double> values, double gamma, double lambda,
        Span<double> advantages, Span<double> returns)
    {
        int n = rewards.Length;
        if (values.Length != n || advantages.Length < n || returns.Length < n)
            throw new ArgumentException($"GAE needs as many values ({values.Length}) and outputs as rewards ({n}).");
        double next = 0, running = 0;
        for (int t = n - 1; t >= 0; t--)
        {
            double delta = rewards[t] + gamma * next - values[t];
            running = delta + gamma * lambda * running;
            advantages[t] = running;
            returns[t] = running + values[t];
            next = values[t];
        }
    }
}
