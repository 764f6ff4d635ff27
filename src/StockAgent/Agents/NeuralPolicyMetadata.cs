using StockAgent.Features;

namespace StockAgent.Agents;

/// <summary>What is saved beside a network's weights: architecture, action exposures, observation names,
/// the normaliser fitted on the training period, and where the model came from. <paramref name="Sizing"/>: the optional
/// volatility-targeted sizing of the chosen exposure (none: the exposure as chosen; absent in older model.json files). <see cref="Portfolio"/> is the weighting of
/// a portfolio-level model (one decision per day over the universe, see <see cref="PortfolioPolicy"/>); null for a
/// symbol-level model (and in every model.json written before it).</summary>
public sealed record NeuralPolicyMetadata(
    PolicyNetworkSpec Spec,
    double[] Actions,
    string[] ObservationNames,
    FeatureNormalizer Normalizer,
    string Version,
    string Algorithm,
    DateTimeOffset Created,
    VolatilityTarget? Sizing = null,
    PortfolioWeighting? Portfolio = null);
