using StockAgent.Features;

namespace StockAgent.Agents;

/// <summary>What is saved beside a network's weights: architecture, action exposures, observation names,
/// the normaliser fitted on the training period, and where the model came from.</summary>
public sealed record NeuralPolicyMetadata(
    PolicyNetworkSpec Spec,
    double[] Actions,
    string[] ObservationNames,
    FeatureNormalizer Normalizer,
    string Version,
    string Algorithm,
    DateTimeOffset Created);
