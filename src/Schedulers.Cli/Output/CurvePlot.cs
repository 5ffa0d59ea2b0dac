using System.Globalization;
using ScottPlot;

namespace Schedulers.Cli;

/// <summary>One curve to draw: its legend name, its schedule and the boundaries of its phases within the range.</summary>
internal sealed record PlottedCurve(string Name, LearningRateSchedule Schedule)
{
    /// <summary>A configuration's curve, named by its file and scheduler (<c>my_run (cosine)</c>); the scheduler alone without a file, or when the file is named after it.</summary>
    public static PlottedCurve Of(FileInfo? file, LearningRateSchedule schedule)
    {
        var stem = file is null ? schedule.Name : Path.GetFileNameWithoutExtension(file.Name);
        return new(stem == schedule.Name ? stem : $"{stem} ({schedule.Name})", schedule);
    }
}

/// <summary>
/// Draws curves with ScottPlot: step on the x axis, learning rate on the y axis (optionally logarithmic), a legend with
/// each configuration's name, and the phase boundaries (warmup end, restarts, milestones) as dashed lines. Each curve is
/// drawn from its <see cref="CurveEnvelope"/>, a few points per pixel column, whatever the number of steps.
/// </summary>
internal static class CurvePlot
{
    public const int Width = 1200;
    public const int Height = 675;

    /// <summary>Boundaries are drawn when a curve has at most this many in range; more would hide the curve.</summary>
    private const int MaxBoundaries = 64;

    /// <summary>Boundaries are labelled with their step when a curve has at most this many in range; more labels would overlap.</summary>
    private const int MaxLabelledBoundaries = 8;

    public static void Save(IReadOnlyList<PlottedCurve> curves, long start, long count, bool logY, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new UsageException($"--plot {path}: the file name must end in .png or .svg.");
        }

        var plot = Build(curves, start, count, logY);
        AtomicFile.Write(path, temporary =>
        {
            if (extension == ".png")
            {
                plot.SavePng(temporary, Width, Height);
            }
            else
            {
                plot.SaveSvg(temporary, Width, Height);
            }
        });
    }

    /// <summary>The plot, before rendering (tests read the tick labels ScottPlot makes from it).</summary>
    internal static Plot Build(IReadOnlyList<PlottedCurve> curves, long start, long count, bool logY)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var envelopes = curves.Select(curve => CurveEnvelope.Of(curve.Schedule, start, count, Width)).ToArray();
        var floor = logY ? LogFloor(envelopes) : 0;

        // Curves that change phase at the same step (two warmups of 500) would print their labels over each other.
        var labelled = new HashSet<long>();
        for (var i = 0; i < curves.Count; i++)
        {
            var color = palette.GetColor(i);
            var boundaries = curves[i].Schedule.PhaseBoundaries.Where(boundary => boundary > start && boundary - start < count).ToArray();
            if (boundaries.Length <= MaxBoundaries)
            {
                foreach (var boundary in boundaries)
                {
                    var line = plot.Add.VerticalLine(boundary);
                    line.Color = color.WithAlpha(0.8);
                    line.LinePattern = LinePattern.Dashed;
                    line.LineWidth = 1.5f;
                    line.LabelText = labelled.Add(boundary) ? BoundaryLabel(curves[i].Schedule, boundary, boundaries.Length) : string.Empty;
                    line.LabelOppositeAxis = true;
                }
            }

            var (xs, ys) = envelopes[i].Polyline();
            if (logY)
            {
                ys = [.. ys.Select(y => Math.Log10(Math.Max(y, floor)))];
            }

            var scatter = plot.Add.ScatterLine(xs, ys);
            scatter.Color = color;
            scatter.LineWidth = 2;
            scatter.LegendText = curves[i].Name;
        }

        plot.Title(curves.Count == 1 ? $"{curves[0].Name}: learning rate by step" : "Learning rate by step");
        plot.XLabel("step");
        plot.YLabel(logY ? "learning rate (log scale)" : "learning rate");
        var largest = envelopes.SelectMany(envelope => envelope.High).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var rateLabel = AxisNotation.ForRates(largest);
        plot.Axes.Left.TickGenerator = logY ? LogTicks(rateLabel) : new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = rateLabel };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = AxisNotation.ForSteps(start + count) };
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(horizontal: 0.01, vertical: 0.06);
        return plot;
    }

    /// <summary>A learning rate of 0 has no logarithm: it is drawn at a floor a decade below the smallest positive value.</summary>
    private static double LogFloor(IEnumerable<CurveEnvelope> envelopes)
    {
        var positive = envelopes.SelectMany(envelope => envelope.Low.Concat(envelope.High)).Where(value => value > 0).DefaultIfEmpty(1e-12).Min();
        return positive / 10;
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks(Func<double, string> rateLabel) => new()
    {
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = exponent => rateLabel(Math.Pow(10, exponent)),
    };

    /// <summary>"warmup end" for the end of the warmup; other boundaries by their step while few enough to read.</summary>
    private static string BoundaryLabel(LearningRateSchedule schedule, long boundary, int boundariesInRange) =>
        boundary == schedule.WarmupSteps ? "warmup end"
        : boundariesInRange <= MaxLabelledBoundaries ? string.Create(CultureInfo.InvariantCulture, $"step {boundary:#,0}")
        : string.Empty;
}
