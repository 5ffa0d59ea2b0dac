using ScottPlot;
using Schedulers.Cli;

namespace Schedulers.Tests.Cli;

/// <summary>The tick labels ScottPlot renders for our plots: one notation per axis, and labelled phase boundaries.</summary>
public sealed class PlotAxisTests
{
    [Theory]
    [InlineData(1e-4, false)]
    [InlineData(3e-4, false)]
    [InlineData(2e-3, false)]
    [InlineData(0.1, false)]
    [InlineData(5.0, false)]
    [InlineData(1e-4, true)]
    [InlineData(0.1, true)]
    public void Every_learning_rate_label_of_a_plot_uses_the_same_notation(double learningRate, bool logY)
    {
        var plot = Rendered(Cosine(learningRate, warmup: 100, total: 1_000), 0, 1_000, logY);

        Labels(plot.Axes.Left).Should().HaveCountGreaterThan(1).And.Match(
            labels => labels.All(IsScientific) || labels.All(label => !IsScientific(label)),
            "one notation per axis; the labels were {0}", string.Join(" | ", Labels(plot.Axes.Left)));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(999_000)]
    [InlineData(1_000_000)]
    [InlineData(3_000_000)]
    public void Every_step_label_of_a_plot_uses_the_same_notation(long total)
    {
        var plot = Rendered(Cosine(3e-4, warmup: 10, total: total), 0, total, logY: false);

        Labels(plot.Axes.Bottom).Should().HaveCountGreaterThan(1).And.Match(
            labels => labels.All(IsScientific) || labels.All(label => !IsScientific(label)),
            "one notation per axis; the labels were {0}", string.Join(" | ", Labels(plot.Axes.Bottom)));
    }

    [Fact]
    public void The_end_of_the_warmup_is_a_labelled_line()
    {
        var plot = Rendered(Cosine(3e-4, warmup: 100, total: 1_000), 0, 1_000, logY: false);

        plot.GetPlottables<ScottPlot.Plottables.VerticalLine>().Should().ContainSingle(line => line.Position == 100)
            .Which.LabelText.Should().Be("warmup end");
    }

    [Fact]
    public void A_phase_boundary_two_curves_share_is_labelled_once()
    {
        var plot = CurvePlot.Build([new PlottedCurve("a", Cosine(3e-4, warmup: 100, total: 1_000)), new PlottedCurve("b", Cosine(1e-4, warmup: 100, total: 1_000))], 0, 1_000, logY: false);

        plot.GetPlottables<ScottPlot.Plottables.VerticalLine>().Where(line => line.Position == 100).Select(line => line.LabelText)
            .Should().HaveCount(2).And.ContainSingle(label => label.Length > 0);
    }

    private static LearningRateSchedule Cosine(double learningRate, long warmup, long total) =>
        LearningRateSchedule.CreateBuilder().WithScheduler("cosine").WithLearningRate(learningRate).WithWarmupSteps(warmup).WithTotalSteps(total).Build();

    private static Plot Rendered(LearningRateSchedule schedule, long start, long count, bool logY)
    {
        var plot = CurvePlot.Build([new PlottedCurve("cosine", schedule)], start, count, logY);
        plot.GetImage(CurvePlot.Width, CurvePlot.Height); // ticks are generated when the plot is rendered
        return plot;
    }

    private static string[] Labels(IAxis axis) => [.. axis.TickGenerator.Ticks.Where(tick => tick.IsMajor).Select(tick => tick.Label).Where(label => label != "0")];

    private static bool IsScientific(string label) => label.Contains('e', StringComparison.OrdinalIgnoreCase);
}
