using System.Globalization;
using Microsoft.Playwright;

namespace Schedulers.Designer.Tests;

/// <summary>
/// The designer in a real browser (headless Chromium), clicked through as a person would. Assertions are on the
/// page's state (fields, messages, the curve's path and data attributes), never on pixels.
/// </summary>
public sealed class DesignerBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Cosine = """{"scheduler": "cosine", "learning_rate": 0.001, "total_steps": 1000}""";

    [Fact]
    public async Task Choosing_constant_disables_warmup_with_the_reason_as_its_tooltip()
    {
        await using var page = await browser.OpenAsync(Cosine);
        (await page.Field("warmup_steps").IsEnabledAsync()).Should().BeTrue("cosine takes a warmup");

        await page.ChooseAsync("constant");

        (await page.Field("warmup_steps").IsDisabledAsync()).Should().BeTrue();
        (await page.Field("warmup_steps").GetAttributeAsync("title")).Should().Contain("constant has no warmup phase");
        (await page.Field("learning_rate").IsEnabledAsync()).Should().BeTrue();
        await page.ScreenshotAsync("constant-disables-warmup");
    }

    [Fact]
    public async Task Typing_a_warmup_for_cosine_redraws_the_curve()
    {
        await using var page = await browser.OpenAsync(Cosine);
        var before = await page.Curve.GetAttributeAsync("d");
        var version = await page.VersionAsync();

        await page.Field("warmup_steps").FillAsync("200");
        await page.WaitForCurveAsync(version);

        (await page.Curve.GetAttributeAsync("data-warmup-steps")).Should().Be("200");
        (await page.Curve.GetAttributeAsync("d")).Should().NotBe(before);
        await page.ScreenshotAsync("cosine-with-warmup");
    }

    [Fact]
    public async Task Hovering_the_curve_shows_a_step_and_its_learning_rate()
    {
        await using var page = await browser.OpenAsync("""{"scheduler": "linear", "learning_rate": 0.001, "total_steps": 1000}""");
        var box = (await page.Page.Locator("#chart").BoundingBoxAsync())!;

        await page.Page.Mouse.MoveAsync(box.X + (box.Width * 0.5f), box.Y + (box.Height * 0.5f));

        var readout = page.Page.Locator("#readout");
        await Assertions.Expect(readout).ToContainTextAsync("lr ");
        var step = long.Parse((await readout.GetAttributeAsync("data-step"))!, CultureInfo.InvariantCulture);
        var value = double.Parse((await readout.GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        value.Should().BeApproximately(LearningRateSchedule.FromJson("""{"scheduler": "linear", "learning_rate": 0.001, "total_steps": 1000}""").GetLearningRate(step), 1e-12);
    }

    [Fact]
    public async Task A_bad_value_shows_the_library_message_next_to_its_field()
    {
        await using var page = await browser.OpenAsync(Cosine);

        await page.Field("learning_rate").FillAsync("-1");
        await page.Field("num_cycles").FillAsync("abc");
        await page.WaitForInvalidAsync();

        await Assertions.Expect(page.Problem("learning_rate")).ToContainTextAsync("learning_rate: -1 is out of range: expected a number > 0.");
        await Assertions.Expect(page.Problem("num_cycles")).ToContainTextAsync("num_cycles: \"abc\" is a string");
        await page.ScreenshotAsync("inline-problems");
    }

    [Fact]
    public async Task Fix_it_applies_the_lenient_mode_and_lists_each_change()
    {
        await using var page = await browser.OpenAsync("""{"scheduler": "constant", "learning_rate": 0.001, "warmup_steps": 100}""");
        await Assertions.Expect(page.Problem("warmup_steps")).Not.ToBeEmptyAsync();
        var version = await page.VersionAsync();

        await page.Page.Locator("#fix").ClickAsync();
        await page.WaitForCurveAsync(version);

        await Assertions.Expect(page.Page.Locator("#changes li")).ToHaveTextAsync("warmup_steps: removed 100 (not used by constant)");
        (await page.Field("warmup_steps").InputValueAsync()).Should().BeEmpty();
        await Assertions.Expect(page.Problem("warmup_steps")).ToBeEmptyAsync();
        await page.ScreenshotAsync("fix-it");
    }

    [Fact]
    public async Task Importing_an_sd_scripts_file_fills_the_form()
    {
        await using var page = await browser.OpenAsync(Cosine);
        await page.Page.Locator("#import-source").SelectOptionAsync("kohya");
        var version = await page.VersionAsync();

        await page.Page.Locator("#import-file").SetInputFilesAsync(Path.Combine(AppContext.BaseDirectory, "Files", "my_lora.toml"));
        await page.WaitForCurveAsync(version);

        (await page.Page.Locator("#scheduler").InputValueAsync()).Should().Be("cosine_with_restarts");
        (await page.Field("warmup_steps").InputValueAsync()).Should().Be("100");
        (await page.Field("total_steps").InputValueAsync()).Should().Be("2000");
        (await page.Field("num_cycles").InputValueAsync()).Should().Be("3");
        await Assertions.Expect(page.Page.Locator("#import-problems")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task Pasting_sd_scripts_arguments_imports_them()
    {
        await using var page = await browser.OpenAsync(Cosine);
        await page.Page.Locator("#import-source").SelectOptionAsync("kohya-args");
        await page.Page.Locator("#import-text").FillAsync("accelerate launch train_network.py --lr_scheduler polynomial --lr_scheduler_power 2 --learning_rate 5e-4 --max_train_steps 800");
        var version = await page.VersionAsync();

        await page.Page.Locator("#import-button").ClickAsync();
        await page.WaitForCurveAsync(version);

        (await page.Page.Locator("#scheduler").InputValueAsync()).Should().Be("polynomial");
        (await page.Field("power").InputValueAsync()).Should().Be("2");
    }

    [Fact]
    public async Task Exported_CSharp_compiles_and_builds_the_same_schedule()
    {
        const string config = """{"scheduler": "cosine_with_min_lr", "learning_rate": 0.0003, "total_steps": 5000, "warmup_steps": 250, "min_lr_ratio": 0.1, "num_cycles": 0.5}""";
        await using var page = await browser.OpenAsync(config);
        await page.Page.Locator("#export-format").SelectOptionAsync("csharp");

        await page.Page.Locator("#export-button").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#export-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("DesignedSchedule"));
        var code = await page.Page.Locator("#export-text").InputValueAsync();

        var built = CompiledSchedule.Create(code);
        var expected = LearningRateSchedule.FromJson(config);
        built.ToJson().Should().Be(expected.ToJson());
        foreach (var step in new long[] { 0, 100, 250, 1000, 4999, 5000 })
        {
            built.GetLearningRate(step).Should().Be(expected.GetLearningRate(step));
        }
    }

    [Fact]
    public async Task Pinned_configurations_are_overlaid_and_the_log_scale_redraws()
    {
        await using var page = await browser.OpenAsync(Cosine);
        var version = await page.VersionAsync();
        await page.Page.Locator("#pin").ClickAsync();
        await page.WaitForCurveAsync(version);
        version = await page.VersionAsync();
        await page.ChooseAsync("linear");
        await page.WaitForCurveAsync(version);
        var linear = await page.Curve.GetAttributeAsync("d");
        version = await page.VersionAsync();

        await page.Page.Locator("#log-scale").CheckAsync();
        await page.WaitForCurveAsync(version);

        await Assertions.Expect(page.Page.Locator("#curve-1")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Page.Locator("#legend li")).ToHaveCountAsync(2);
        (await page.Curve.GetAttributeAsync("d")).Should().NotBe(linear);
        await page.ScreenshotAsync("overlay-log-scale");
    }

    [Fact]
    public async Task The_link_holds_the_configuration()
    {
        await using var first = await browser.OpenAsync(Cosine);
        var version = await first.VersionAsync();
        await first.Field("warmup_steps").FillAsync("42");
        await first.WaitForCurveAsync(version);
        var link = new Uri(first.Page.Url);

        await using var second = await browser.OpenAsync(System.Web.HttpUtility.ParseQueryString(link.Fragment[1..])["config"]);

        (await second.Field("warmup_steps").InputValueAsync()).Should().Be("42");
        (await second.Page.Locator("#scheduler").InputValueAsync()).Should().Be("cosine");
    }
}
