using TorchSharp;

namespace StockAgent.Tests.Portfolio;

/// <summary>Base of the portfolio test classes that run networks: libtorch on one intra-op thread while the test runs
/// (restored after). The many small forward passes are several times faster so on this 2-core machine, and the
/// comparisons and numbers do not depend on it.</summary>
public abstract class OneTorchThread : IDisposable
{
    private readonly int _threads = torch.get_num_threads();

    protected OneTorchThread() => torch.set_num_threads(1);

    public void Dispose()
    {
        torch.set_num_threads(_threads);
        GC.SuppressFinalize(this);
    }
}
