namespace StockAgent.Tests.Support;

/// <summary>A fact that drives a real Chromium (<see cref="HeadlessChromium"/>); it is reported as skipped, with the reason,
/// only where no Chromium executable is installed (<c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c>). Anything else
/// that goes wrong (the Playwright driver, the launch, the page) fails the test.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.ExecutablePath is null) Skip = HeadlessChromium.MissingReason;
    }
}
