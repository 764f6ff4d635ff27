namespace StockAgent.Tests.Support;

/// <summary>
/// Test classes that seed or draw from libtorch's process-wide random generator (network initialisation after
/// torch.manual_seed, SFT runs) share this collection, so xunit runs them one after another: run in parallel, one
/// class's draws would shift another's "same seed, same weights".
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "libtorch global random generator";
}
