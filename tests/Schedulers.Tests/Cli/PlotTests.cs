using SkiaSharp;

namespace Schedulers.Tests.Cli;

/// <summary>Plots are decoded and looked at: their size, and pixels of each curve's colour where the curve must be.</summary>
public sealed class PlotTests : IDisposable
{
    private static readonly SKColor FirstCurve = SKColor.Parse("#1f77b4");
    private static readonly SKColor SecondCurve = SKColor.Parse("#ff7f0e");

    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-plot-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_curve_plot_is_a_png_of_the_documented_size_with_the_curve_drawn()
    {
        var path = Path.Combine(_folder, "cosine.png");

        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "3e-4", "--warmup-steps", "100", "--total-steps", "1000", "--plot", path);

        run.ExitCode.Should().Be(0, run.Error);
        using var image = SKBitmap.Decode(path);
        image.Width.Should().Be(1200);
        image.Height.Should().Be(675);
        ColumnsWith(image, FirstCurve).Should().BeGreaterThan(600, "the curve spans the width of the plot");
    }

    [Fact]
    public void A_comparison_of_multi_million_step_runs_draws_every_curve()
    {
        var first = Write("a.json", """{"scheduler": "cosine", "learning_rate": 3e-4, "warmup_steps": 20000, "total_steps": 3000000}""");
        var second = Write("b.json", """{"scheduler": "warmup_stable_decay", "learning_rate": 3e-4, "warmup_steps": 20000, "decay_steps": 600000, "total_steps": 3000000}""");
        var path = Path.Combine(_folder, "compare.png");

        var run = CliRun.Of("compare", "--config", first, "--config", second, "--plot", path);

        run.ExitCode.Should().Be(0, run.Error);
        using var image = SKBitmap.Decode(path);
        ColumnsWith(image, FirstCurve).Should().BeGreaterThan(600);
        ColumnsWith(image, SecondCurve).Should().BeGreaterThan(600);
    }

    [Fact]
    public void A_log_scale_plot_of_a_curve_that_reaches_zero_is_drawn()
    {
        var path = Path.Combine(_folder, "log.png");

        var run = CliRun.Of("curve", "--scheduler", "linear", "--learning-rate", "1e-3", "--total-steps", "5000", "--plot", path, "--log-y");

        run.ExitCode.Should().Be(0, run.Error);
        using var image = SKBitmap.Decode(path);
        ColumnsWith(image, FirstCurve).Should().BeGreaterThan(600);
    }

    [Fact]
    public void A_curve_plot_of_a_configuration_file_names_the_file_in_its_legend()
    {
        var config = Path.Combine(_folder, "my_warmup_run.json");
        File.WriteAllText(config, """{"scheduler": "cosine", "learning_rate": 3e-4, "warmup_steps": 10, "total_steps": 100}""");
        var path = Path.Combine(_folder, "curve.svg");

        var run = CliRun.Of("curve", "--config", config, "--plot", path);

        run.ExitCode.Should().Be(0, run.Error);
        File.ReadAllText(path).Should().Contain("my_warmup_run (cosine)");
    }

    [Fact]
    public void An_svg_plot_is_svg_text()
    {
        var path = Path.Combine(_folder, "curve.svg");

        var run = CliRun.Of("curve", "--scheduler", "StepLR", "--learning-rate", "0.1", "--step-size", "30", "--steps", "200", "--plot", path);

        run.ExitCode.Should().Be(0, run.Error);
        File.ReadAllText(path).Should().Contain("<svg");
    }

    [Theory]
    [InlineData("curve.jpg")]
    [InlineData("missing-folder/curve.png")]
    public void A_plot_that_cannot_be_written_is_refused_and_leaves_nothing(string name)
    {
        var path = Path.Combine(_folder, name);

        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "3e-4", "--total-steps", "100", "--plot", path);

        run.ExitCode.Should().Be(2);
        run.Output.Should().BeEmpty();
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void Log_y_without_a_plot_is_refused()
    {
        var run = CliRun.Of("curve", "--scheduler", "cosine", "--learning-rate", "3e-4", "--total-steps", "100", "--log-y");

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("--log-y");
    }

    /// <summary>How many pixel columns hold a pixel close to the colour (anti-aliasing blends the edges).</summary>
    private static int ColumnsWith(SKBitmap image, SKColor color)
    {
        var columns = 0;
        for (var x = 0; x < image.Width; x++)
        {
            for (var y = 0; y < image.Height; y++)
            {
                var pixel = image.GetPixel(x, y);
                if (Math.Abs(pixel.Red - color.Red) + Math.Abs(pixel.Green - color.Green) + Math.Abs(pixel.Blue - color.Blue) < 30)
                {
                    columns++;
                    break;
                }
            }
        }

        return columns;
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
