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

    /// <summary>Clicks a button that downloads a file, and returns the file's suggested name and its bytes.</summary>
    public async Task<(string Name, byte[] Bytes)> DownloadAsync(string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.Locator(button).ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }

    /// <summary>
    /// Drags a file (its name and text) onto an element as a person's drop arrives: <c>dragenter</c>, <c>dragover</c>
    /// and <c>drop</c> carrying one <c>DataTransfer</c> with the file. Returns whether the element accepted the drag
    /// (cancelled <c>dragover</c>), without which a browser never delivers a real drop.
    /// </summary>
    public Task<bool> DropFileAsync(string target, string name, string text) => page.EvaluateAsync<bool>(
        """
        ([selector, name, text]) => {
          const target = document.querySelector(selector);
          const data = new DataTransfer();
          data.items.add(new File([text], name, { type: 'text/plain' }));
          const fire = type => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
          fire('dragenter');
          const accepted = !fire('dragover');
          fire('drop');
          return accepted;
        }
        """,
        new[] { target, name, text });

    /// <summary>
    /// Drops a file from disk on the middle of an element the way the operating system delivers a drag (Chromium's
    /// <c>Input.dispatchDragEvent</c>, not events made in the page): what the browser does with a drop the page leaves
    /// alone (open the file in place of the page) happens here too.
    /// </summary>
    public async Task DropFileFromDiskAsync(string target, string path)
    {
        var box = await page.Locator(target).BoundingBoxAsync() ?? throw new InvalidOperationException($"{target} is not visible.");
        var session = await page.Context.NewCDPSessionAsync(page);
        var data = new Dictionary<string, object> { ["items"] = Array.Empty<object>(), ["files"] = new[] { path }, ["dragOperationsMask"] = 1 };
        foreach (var type in new[] { "dragEnter", "dragOver", "drop" })
        {
            await session.SendAsync("Input.dispatchDragEvent", new Dictionary<string, object>
            {
                ["type"] = type,
                ["x"] = box.X + (box.Width / 2),
                ["y"] = box.Y + (box.Height / 2),
                ["data"] = data,
            });
        }

        await session.DetachAsync();
    }

    /// <summary>Saves a screenshot for docs/designer.md (into docs/designer/ when SCHEDULERS_UPDATE_DOCS=1, else beside the tests).</summary>
    public async Task ScreenshotAsync(string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(name), FullPage = false });
    }

    /// <summary>Saves a screenshot of one element for docs/designer.md, as <see cref="ScreenshotAsync(string)"/> does.</summary>
    public Task ScreenshotAsync(string name, string selector) =>
        page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = Screenshots.PathFor(name) });

    public async ValueTask DisposeAsync() => await page.Context.DisposeAsync();
}
