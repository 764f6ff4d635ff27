namespace StockAgent.Tests.Support;

/// <summary>One <see cref="HeadlessChromium"/> shared by the tests of a class (<c>IClassFixture&lt;HeadlessChromiumFixture&gt;</c>):
/// launched on the first <see cref="OpenOfflineAsync"/>, so a class whose tests are all skipped never starts it, and
/// closed when the class is done.</summary>
public sealed class HeadlessChromiumFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HeadlessChromium? _browser;

    /// <summary>The folder screenshots and the pages they show are kept in: <c>screenshots/</c> in the test assembly's
    /// output folder (tests/StockAgent.Tests/bin/CONFIGURATION/net10.0/screenshots).</summary>
    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary><see cref="HeadlessChromium.OpenOfflineAsync"/> in the shared browser; one page at a time.</summary>
    public async Task<PageCheck> OpenOfflineAsync(string htmlPath, string screenshotPath, TimeSpan? timeout = null)
    {
        await _gate.WaitAsync();
        try
        {
            _browser ??= await HeadlessChromium.LaunchAsync();
            return await _browser.OpenOfflineAsync(htmlPath, screenshotPath, timeout);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _gate.Dispose();
    }
}
