using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
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

    [Fact]
    public async Task Dropping_a_Kohya_GUI_file_on_the_import_box_fills_the_form()
    {
        var file = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Files", "kohya_gui_lora.json"));
        await using var page = await browser.OpenAsync(Cosine);
        await page.Page.Locator("#import-source").SelectOptionAsync("kohya");
        var version = await page.VersionAsync();

        var accepted = await page.DropFileAsync("#import-text", "kohya_gui_lora.json", file);
        await page.WaitForCurveAsync(version);

        accepted.Should().BeTrue("a browser delivers a real drop only where dragover was cancelled");
        (await page.Page.Locator("#import-text").InputValueAsync()).Should().Be(file);
        (await page.Page.Locator("#scheduler").InputValueAsync()).Should().Be("polynomial");
        (await page.Field("learning_rate").InputValueAsync()).Should().Be("0.0002");
        (await page.Field("power").InputValueAsync()).Should().Be("2");
        (await page.Field("total_steps").InputValueAsync()).Should().Be("1500");
        (await page.Field("warmup_steps").InputValueAsync()).Should().Be("150", "lr_warmup is 10 percent of max_train_steps 1500");
        await Assertions.Expect(page.Page.Locator("#import-problems")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task The_PNG_export_is_a_PNG_of_the_chart_at_twice_its_size()
    {
        await using var page = await browser.OpenAsync(Cosine);
        var chart = page.Page.Locator("#chart");
        var width = int.Parse((await chart.GetAttributeAsync("width"))!, CultureInfo.InvariantCulture);
        var height = int.Parse((await chart.GetAttributeAsync("height"))!, CultureInfo.InvariantCulture);

        var (name, bytes) = await page.DownloadAsync("#export-png");

        name.Should().Be("schedule.png");
        var chunks = PngChunks(bytes);
        chunks.Select(chunk => chunk.Type).Should().StartWith("IHDR").And.Contain("IDAT").And.EndWith("IEND");
        var header = chunks[0].Data;
        BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(0, 4)).Should().Be(2 * width);
        BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4, 4)).Should().Be(2 * height);
        await Assertions.Expect(page.Page.Locator("#status")).ToContainTextAsync($"schedule.png: {2 * width} × {2 * height} pixels");
    }

    [Fact]
    public async Task The_SVG_export_is_the_chart_as_an_SVG_document()
    {
        // 100 steps: fewer than the chart's columns, so each step has a column of four points (first, extremes, last).
        await using var page = await browser.OpenAsync("""{"scheduler": "linear", "learning_rate": 0.001, "total_steps": 99}""");
        var shown = await page.Curve.GetAttributeAsync("d");

        var (name, bytes) = await page.DownloadAsync("#export-svg");

        name.Should().Be("schedule.svg");
        var document = XDocument.Parse(Encoding.UTF8.GetString(bytes));
        XNamespace svg = "http://www.w3.org/2000/svg";
        document.Root!.Name.Should().Be(svg + "svg");
        document.Root.Attribute("width")!.Value.Should().Be((await page.Page.Locator("#chart").GetAttributeAsync("width"))!);
        var curve = document.Descendants(svg + "path").Single(path => (string?)path.Attribute("id") == "curve-0");
        curve.Attribute("d")!.Value.Should().Be(shown);
        curve.Attribute("d")!.Value.TrimStart('M').Split('L').Should().HaveCount(4 * 100);
        document.Descendants(svg + "text").Select(text => text.Value).Should().Contain(["step", "learning rate", "0", "99"]);
    }

    [Fact]
    public async Task The_CSV_download_holds_the_library_value_of_every_step()
    {
        const string config = """{"scheduler": "cosine", "learning_rate": 0.001, "total_steps": 1000, "warmup_steps": 100}""";
        var schedule = LearningRateSchedule.FromJson(config);
        await using var page = await browser.OpenAsync(config);
        await page.Page.Locator("#export-format").SelectOptionAsync("csv");

        var (name, bytes) = await page.DownloadAsync("#export-download");

        name.Should().Be("schedule.csv");
        var lines = Encoding.UTF8.GetString(bytes).TrimEnd('\n').Split('\n');
        lines[0].Should().Be("step,lr");
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        rows.Select(row => long.Parse(row[0], CultureInfo.InvariantCulture)).Should().Equal(Enumerable.Range(0, (int)schedule.TotalSteps!.Value + 1).Select(step => (long)step));
        foreach (var row in rows)
        {
            // Evaluate's contract with GetLearningRate (docs/evaluation.md): within 1e-14 times the learning rate.
            var step = long.Parse(row[0], CultureInfo.InvariantCulture);
            double.Parse(row[1], CultureInfo.InvariantCulture).Should().BeApproximately(schedule.GetLearningRate(step), 1e-14 * 0.001, $"step {step}");
        }
    }

    [Fact]
    public async Task A_link_reproduces_the_curves_the_log_scale_and_the_range()
    {
        await using var first = await browser.OpenAsync(Cosine);
        var version = await first.VersionAsync();
        await first.Field("warmup_steps").FillAsync("200");
        await first.WaitForCurveAsync(version);
        version = await first.VersionAsync();
        await first.Page.Locator("#pin").ClickAsync();
        await first.WaitForCurveAsync(version);
        version = await first.VersionAsync();
        await first.ChooseAsync("linear");
        await first.WaitForCurveAsync(version);
        version = await first.VersionAsync();
        await first.Page.Locator("#steps-shown").FillAsync("1500");
        await first.WaitForCurveAsync(version);
        version = await first.VersionAsync();
        await first.Page.Locator("#log-scale").CheckAsync();
        await first.WaitForCurveAsync(version);

        await using var second = await browser.OpenUrlAsync(first.Page.Url);

        (await second.Page.Locator("#scheduler").InputValueAsync()).Should().Be("linear");
        (await second.Page.Locator("#steps-shown").InputValueAsync()).Should().Be("1500");
        (await second.Page.Locator("#log-scale").IsCheckedAsync()).Should().BeTrue();
        (await second.Page.Locator("#chart").GetAttributeAsync("data-count")).Should().Be("1500");
        (await second.Curve.GetAttributeAsync("d")).Should().Be(await first.Curve.GetAttributeAsync("d"));
        (await second.Page.Locator("#curve-1").GetAttributeAsync("d")).Should().Be(await first.Page.Locator("#curve-1").GetAttributeAsync("d"));
    }

    [Fact]
    public async Task A_new_user_designs_a_schedule_fixes_what_is_flagged_and_downloads_it()
    {
        await using var page = await browser.OpenAsync();
        var version = await page.VersionAsync();
        await page.ChooseAsync("linear");
        await page.WaitForCurveAsync(version);

        await page.Field("learning_rate").FillAsync("0.0005");
        await page.Field("total_steps").FillAsync("1000");
        await page.Field("warmup_steps").FillAsync("1500");
        await page.WaitForInvalidAsync();
        var typed = ScheduleOptions.FromJson("""{"scheduler": "linear", "learning_rate": 0.0005, "total_steps": 1000, "warmup_steps": 1500}""");
        var refusal = () => LearningRateSchedule.Create(typed);
        foreach (var problem in refusal.Should().Throw<ScheduleConfigurationException>().Which.Problems)
        {
            await Assertions.Expect(page.Page.Locator("#fields")).ToContainTextAsync(problem.Message);
        }

        version = await page.VersionAsync();
        await page.Page.Locator("#fix").ClickAsync();
        await page.WaitForCurveAsync(version);
        var fixedSchedule = LearningRateSchedule.CreateLenient(typed).Schedule;
        (await page.Field("warmup_steps").InputValueAsync()).Should().Be(fixedSchedule.WarmupSteps.ToString(CultureInfo.InvariantCulture));

        await page.Page.Locator("#export-format").SelectOptionAsync("json");
        var (name, bytes) = await page.DownloadAsync("#export-download");

        name.Should().Be("schedule.json");
        LearningRateSchedule.FromJson(Encoding.UTF8.GetString(bytes)).ToJson().Should().Be(fixedSchedule.ToJson());
    }

    /// <summary>A PNG file's chunks in order (type and data), after checking its signature and each chunk's length.</summary>
    private static List<(string Type, byte[] Data)> PngChunks(byte[] bytes)
    {
        bytes.AsSpan(0, 8).ToArray().Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        var chunks = new List<(string, byte[])>();
        var offset = 8;
        while (offset < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset, 4));
            (offset + 12 + length).Should().BeLessThanOrEqualTo(bytes.Length, "a chunk ends inside the file");
            chunks.Add((Encoding.ASCII.GetString(bytes, offset + 4, 4), bytes.AsSpan(offset + 8, length).ToArray()));
            offset += 12 + length;
        }

        return chunks;
    }

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Files", file);

    [Fact]
    public async Task A_Kohya_GUI_file_that_needs_the_image_count_imports_once_the_field_is_filled_in()
    {
        await using var page = await browser.OpenAsync(Cosine);
        var problems = page.Page.Locator("#import-problems");

        await page.DropFileAsync("#import-text", "kohya_gui_needs_images.json", await File.ReadAllTextAsync(PathOf("kohya_gui_needs_images.json")));
        await Assertions.Expect(problems).ToContainTextAsync("fill in the 'images × repeats' field");
        await page.ScreenshotAsync("import-facts", "#import-panel");
        var version = await page.VersionAsync();
        await page.Page.Locator("#fact-images").FillAsync("120");
        await page.Page.Locator("#import-button").ClickAsync();
        await page.WaitForCurveAsync(version);

        await Assertions.Expect(problems).ToBeEmptyAsync();
        (await page.Field("total_steps").InputValueAsync()).Should().Be("240", "ceil(120 images × repeats / train_batch_size 2 × epoch 4)");
    }

    [Fact]
    public async Task A_dropped_JSON_file_of_TrainingArguments_is_read_as_Hugging_Face()
    {
        await using var page = await browser.OpenAsync(Cosine);
        await page.Page.Locator("#import-source").SelectOptionAsync("json");

        await page.DropFileAsync("#import-text", "hf_epochs.json", await File.ReadAllTextAsync(PathOf("hf_epochs.json")));

        await Assertions.Expect(page.Page.Locator("#import-kind")).ToContainTextAsync("detected from its keys lr_scheduler_type");
        (await page.Page.Locator("#import-source").InputValueAsync()).Should().Be("hf");
        await Assertions.Expect(page.Page.Locator("#fact-examples")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_file_dropped_outside_the_import_panel_leaves_the_page_and_its_form_in_place()
    {
        await using var page = await browser.OpenAsync(Cosine);
        var version = await page.VersionAsync();
        await page.Field("warmup_steps").FillAsync("50");
        await page.WaitForCurveAsync(version);
        var address = page.Page.Url;
        await page.Page.EvaluateAsync("() => window.addEventListener('dragover', event => { document.body.dataset.dragRefused = String(event.defaultPrevented && event.dataTransfer.dropEffect === 'none'); })");

        await page.DropFileFromDiskAsync("#chart", PathOf("my_lora.toml"));

        await Assertions.Expect(page.Page.Locator("#status")).ToHaveTextAsync("drop a file on the Import panel to import it");
        (await page.Page.Locator("body").GetAttributeAsync("data-drag-refused")).Should().Be("true", "a drop left to the browser opens the file in place of the page");
        page.Page.Url.Should().Be(address);
        (await page.Field("warmup_steps").InputValueAsync()).Should().Be("50");
        (await page.Page.Locator("#import-text").InputValueAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_dropped_from_disk_on_the_import_panel_is_imported()
    {
        await using var page = await browser.OpenAsync(Cosine);
        var version = await page.VersionAsync();

        await page.DropFileFromDiskAsync("#import-panel h2", PathOf("my_lora.toml"));
        await page.WaitForCurveAsync(version);

        (await page.Page.Locator("#scheduler").InputValueAsync()).Should().Be("cosine_with_restarts");
        (await page.Page.Locator("#import-source").InputValueAsync()).Should().Be("kohya", "a TOML file is told by its content");
    }
}
