using Microsoft.Playwright;

namespace Schedulers.Designer.Tests;

/// <summary>The designer's page as a test drives it: fields by key, and waits on the page's own state attributes.</summary>
public sealed class DesignerPage(IPage page) : IAsyncDisposable
{
    public IPage Page => page;

    public ILocator Field(string key) => page.Locator($"#field-{key}");

    public ILocator Problem(string key) => page.Locator($"#problem-{key}");

    public ILocator Curve => page.Locator("#curve-0");

    public Task<string?> ChartStateAsync() => page.Locator("#chart").GetAttributeAsync("data-state");

    public async Task<int> VersionAsync() => int.Parse(await page.Locator("#chart").GetAttributeAsync("data-version") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the chart has been drawn after version <paramref name="after"/>, and is still showing it.</summary>
    public Task WaitForCurveAsync(int after) => page.WaitForFunctionAsync(
        "v => { const c = document.getElementById('chart'); return Number(c.dataset.version) > v && c.dataset.state === 'ready'; }",
        after);

    /// <summary>Waits for the page's first answer from the server: a curve, or the library's refusal.</summary>
    public Task WaitForAnswerAsync() => page.WaitForFunctionAsync("() => ['ready', 'invalid'].includes(document.getElementById('chart').dataset.state)");

    /// <summary>Waits until the page has shown the library's refusal.</summary>
    public Task WaitForInvalidAsync() => page.WaitForFunctionAsync("() => document.getElementById('chart').dataset.state === 'invalid'");

    public async Task ChooseAsync(string scheduler) => await page.Locator("#scheduler").SelectOptionAsync(scheduler);

    /// <summary>Saves a screenshot for docs/designer.md (into docs/designer/ when SCHEDULERS_UPDATE_DOCS=1, else beside the tests).</summary>
    public async Task ScreenshotAsync(string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(name), FullPage = false });
    }

    public async ValueTask DisposeAsync() => await page.Context.DisposeAsync();
}
