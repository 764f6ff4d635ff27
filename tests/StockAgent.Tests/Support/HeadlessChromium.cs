using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using StockAgent.Reporting;

namespace StockAgent.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Microsoft.Playwright (its Node driver ships inside the package; Playwright's own
/// browser download is never used, it does not work offline). One instance is one browser with a fresh temporary
/// profile; <see cref="OpenOfflineAsync"/> opens a local HTML file with every non-<c>file:</c> request blocked, waits
/// for its plots and reports what it saw as a <see cref="PageCheck"/>.
/// </summary>
/// <example>
/// <code>
/// var check = await HeadlessChromium.OpenOfflineOnceAsync("reports/x/benchmark.html", "benchmark.png");
/// Assert.True(check.IsClean, check.ToString());
/// </code>
/// </example>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>The flags Chromium is started with, besides Playwright's own (headless, a pipe to the driver).</summary>
    public static IReadOnlyList<string> Flags { get; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    /// <summary>The viewport pages are opened in: a laptop screen.</summary>
    public static ViewportSize Viewport { get; } = new() { Width = 1366, Height = 900 };

    /// <summary>The Chromium executable: <c>CHROMIUM_PATH</c> when set, else <c>/usr/bin/chromium</c>; null when that file
    /// does not exist (the tests that need it are then skipped with <see cref="MissingReason"/>).</summary>
    public static string? ExecutablePath { get; } = FindExecutable();

    /// <summary>Why <see cref="ExecutablePath"/> is null.</summary>
    public static string MissingReason =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set
            ? $"CHROMIUM_PATH is '{set}', which does not exist"
            : "no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH)";

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
    }

    /// <summary>Starts Chromium headless with <see cref="Flags"/> and a fresh temporary user-data folder (deleted on
    /// dispose). Throws when no Chromium is installed or it cannot be started.</summary>
    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = ExecutablePath ?? throw new InvalidOperationException(MissingReason);
        var profile = Directory.CreateTempSubdirectory("stockagent-chromium-").FullName;
        IPlaywright? playwright = null;
        try
        {
            playwright = await Playwright.CreateAsync();
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Flags,
                ViewportSize = Viewport,
                Timeout = 60_000,
            });
            return new HeadlessChromium(playwright, context, profile);
        }
        catch
        {
            playwright?.Dispose();
            DeleteProfile(profile);
            throw;
        }
    }

    /// <summary>Launches a browser, runs <see cref="OpenOfflineAsync"/> once and closes it.</summary>
    public static async Task<PageCheck> OpenOfflineOnceAsync(string htmlPath, string screenshotPath, TimeSpan? timeout = null)
    {
        await using var browser = await LaunchAsync();
        return await browser.OpenOfflineAsync(htmlPath, screenshotPath, timeout);
    }

    /// <summary>
    /// Opens <paramref name="htmlPath"/> from its <c>file:</c> URL in a new tab, aborting (and recording) every request
    /// whose URL is not <c>file:</c>. Waits for the load event, then until every plot container (<c>.js-plotly-plot</c>,
    /// or a <see cref="ReportPage"/> container, <c>.report-chart</c>, that plotly.js may never have taken) holds a drawn
    /// <c>.main-svg</c>; containers still undrawn one second after the load event are reported as such, not waited for.
    /// <paramref name="timeout"/> (default 30 s) bounds the whole wait; running out is reported in
    /// <see cref="PageCheck.WaitFailure"/>. Saves a full-page PNG screenshot to <paramref name="screenshotPath"/> (its
    /// folder is created) and returns what it saw; it throws only when the browser itself fails.
    /// </summary>
    public async Task<PageCheck> OpenOfflineAsync(string htmlPath, string screenshotPath, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(htmlPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(screenshotPath);
        var file = Path.GetFullPath(htmlPath);
        if (!File.Exists(file)) throw new FileNotFoundException($"no page to open at {file}", file);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var url = new Uri(file).AbsoluteUri;

        var consoleErrors = new ConcurrentQueue<string>();
        var pageErrors = new ConcurrentQueue<string>();
        var blocked = new ConcurrentQueue<string>();
        var page = await _context.NewPageAsync();
        try
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error") consoleErrors.Enqueue(message.Location is { Length: > 0 } at ? $"{message.Text} ({at})" : message.Text);
            };
            page.PageError += (_, error) => pageErrors.Enqueue(error);
            await page.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) await route.ContinueAsync();
                else
                {
                    blocked.Enqueue(route.Request.Url);
                    await route.AbortAsync("blockedbyclient");
                }
            });

            var clock = Stopwatch.StartNew();
            string? waitFailure = null;
            try
            {
                await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = Milliseconds(limit) });
                var left = limit - clock.Elapsed;
                await page.WaitForFunctionAsync(SettledScript, new object[] { Selector, 1000 },
                    new PageWaitForFunctionOptions { Timeout = Milliseconds(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1)), PollingInterval = 50 });
                // Let plotly.js finish what it draws on the next frames (axes, legends after autosize).
                await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            }
            catch (TimeoutException)
            {
                waitFailure = $"the page did not load and draw its plots within {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
            }

            var plots = ReadPlots(await page.EvaluateAsync<JsonElement>(PlotsScript, Selector));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true });
            return new PageCheck(url, plots, [.. consoleErrors], [.. pageErrors], [.. blocked], Path.GetFullPath(screenshotPath), waitFailure);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await _context.CloseAsync(); }
        finally
        {
            _playwright.Dispose();
            DeleteProfile(_profile);
        }
    }

    private static readonly string Selector = ".js-plotly-plot, ." + ReportPage.ChartContainerClass;

    // True once the document has loaded and every container is drawn, or one grace period after the load event (the
    // containers still undrawn then are reported, not waited for).
    private const string SettledScript = """
        ([selector, graceMs]) => {
          if (document.readyState !== 'complete') return false;
          const drawn = gd => gd.classList.contains('js-plotly-plot') && !!gd._fullLayout && gd.querySelector('.main-svg') !== null;
          if (Array.from(document.querySelectorAll(selector)).every(drawn)) return true;
          const nav = performance.getEntriesByType('navigation')[0];
          return !!nav && nav.loadEventEnd > 0 && performance.now() - nav.loadEventEnd > graceMs;
        }
        """;

    private const string PlotsScript = """
        selector => Array.from(document.querySelectorAll(selector)).map((gd, i) => ({
          id: gd.id || ('#' + (i + 1)),
          plotly: gd.classList.contains('js-plotly-plot'),
          mainSvg: gd.querySelectorAll('.main-svg').length,
          dataTraces: Array.isArray(gd.data) ? gd.data.length : 0,
          drawnTraces: gd.querySelectorAll('g.trace, g.hm').length,
          types: Array.isArray(gd.data) ? gd.data.map(t => String(t.type || 'scatter')) : [],
          buttons: gd.querySelectorAll('.updatemenu-button').length
        }))
        """;

    private static List<PageCheck.Plot> ReadPlots(JsonElement plots) =>
        plots.EnumerateArray().Select(p => new PageCheck.Plot(
            p.GetProperty("id").GetString()!,
            p.GetProperty("plotly").GetBoolean(),
            p.GetProperty("mainSvg").GetInt32(),
            p.GetProperty("dataTraces").GetInt32(),
            p.GetProperty("drawnTraces").GetInt32(),
            p.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToArray(),
            p.GetProperty("buttons").GetInt32())).ToList();

    private static float Milliseconds(TimeSpan span) => (float)Math.Ceiling(span.TotalMilliseconds);

    private static string? FindExecutable()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } set ? set : "/usr/bin/chromium";
        return File.Exists(path) ? path : null;
    }

    private static void DeleteProfile(string profile)
    {
        try { Directory.Delete(profile, recursive: true); }
        catch (IOException) { /* Chromium may still be writing on exit: best effort, it is a temporary folder */ }
        catch (UnauthorizedAccessException) { }
    }
}
