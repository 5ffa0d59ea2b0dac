using Microsoft.Playwright;

namespace Schedulers.Designer.Tests;

/// <summary>
/// One server and one headless Chromium for a test class. The browser is the system's (Debian's <c>chromium</c>, which
/// <c>.ci/run</c> installs): Playwright's driver ships in its NuGet package, and with <c>ExecutablePath</c> set it never
/// needs the browser download that <c>playwright install</c> would make. <c>SCHEDULERS_CHROMIUM</c> names another binary.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    private readonly DesignerHost _host = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri Address => _host.Address;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SCHEDULERS_CHROMIUM") is { Length: > 0 } path ? path
        : Candidates.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("No Chromium found: install Debian's 'chromium' (apt-get install -y chromium; .ci/run does) or set SCHEDULERS_CHROMIUM to a Chromium or Chrome binary.");

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // CI runs as root, where Chromium's sandbox cannot start; the page is our own.
            ChromiumSandbox = false,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh page (its own context: no state shared between tests) at the designer, ready to use.</summary>
    public Task<DesignerPage> OpenAsync(string? config = null) =>
        OpenUrlAsync(config is null ? Address.ToString() : $"{Address}#config={Uri.EscapeDataString(config)}");

    /// <summary>A fresh page at an address of the designer (a link someone copied), ready to use.</summary>
    public async Task<DesignerPage> OpenUrlAsync(string url)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("body[data-ready=true]");
        var designer = new DesignerPage(page);
        await designer.WaitForAnswerAsync();
        return designer;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _host.DisposeAsync();
    }
}
