using MathNet.Numerics.Interpolation;
using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers;

/// <summary><c>interpolated</c>: a curve through control points <c>[[step, lr], ...]</c>, holding the end values outside them.</summary>
internal sealed class Interpolated : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "interpolated",
        SchedulerFamily.Custom,
        "A curve through control points [[step, lr], ...] (MathNet.Numerics): pchip (monotone between points, no overshoot), linear, or log_linear (geometric between points); the first and last learning rates hold outside the points.",
        "the interpolant of the points at step; lr_0 before the first point, lr_n after the last",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            new(ScheduleKeys.Points, ParameterKind.PointList, ParameterPresence.Required,
                "Control points [step, learning_rate], steps strictly increasing; the largest learning rate is the schedule's peak."),
            new(ScheduleKeys.Method, ParameterKind.Choice, ParameterPresence.Optional, "How to join the points.",
                ParameterValue.FromText("pchip"), choices: ["pchip", "linear", "log_linear"]),
        ],
        warmupRefusal: "interpolated draws its warmup from its points: start them with a low learning rate at step 0",
        learningRateRefusal: ", whose learning rates are its points' own: remove it, or scale the points");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Given(ScheduleKeys.Points) is not { } points)
        {
            return;
        }

        var steps = points.Items.Select(point => point.Items[0].NumberValue).ToList();
        var rates = points.Items.Select(point => point.Items[1].NumberValue).ToList();
        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i] <= steps[i - 1])
            {
                problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Points, points,
                    $"point {i} (step {Format(steps[i])}) does not come after point {i - 1} (step {Format(steps[i - 1])}): steps must be strictly increasing, without repeats."));
                break;
            }
        }

        if (rates.All(rate => rate == 0))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Points, points, "every learning rate is 0: give at least one point a learning rate > 0."));
        }

        if (parameters.Text(ScheduleKeys.Method) == "log_linear" && rates.FindIndex(rate => rate <= 0) is var zero and >= 0)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.Points, ScheduleKeys.Method],
                $"point {zero} has learning rate {Format(rates[zero])}, but log_linear joins points geometrically and needs every learning rate > 0: raise it, or use method \"linear\" or \"pchip\"."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var points = parameters.Given(ScheduleKeys.Points)!.Items;
        return new Schedule(
            Descriptor,
            canonicalOptions,
            parameters.TotalSteps,
            [.. points.Select(point => (long)point.Items[0].NumberValue)],
            [.. points.Select(point => point.Items[1].NumberValue)],
            parameters.Text(ScheduleKeys.Method));
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A curve through control points, built on MathNet.Numerics: <c>linear</c> (<see cref="LinearSpline"/>), <c>pchip</c>
    /// (<see cref="CubicSpline.InterpolatePchipSorted"/>: monotone wherever the points are, no overshoot) or
    /// <c>log_linear</c> (<see cref="LogLinear"/>: geometric between points). The first and last learning rates hold outside
    /// the points. The scalar path asks MathNet; the vector path fills each segment with the same segment's polynomial
    /// (an affine ramp, a cubic by Horner's rule, or a geometric sequence). Immutable and thread-safe.
    /// </summary>
    internal sealed class Schedule : LearningRateSchedule
    {
        /// <summary>Log-linear segments shorter than this are filled by the scalar path rather than given a table.</summary>
        private const long MinTabledSegment = 64;

        private readonly ImmutableArray<long> _steps;
        private readonly ImmutableArray<double> _rates;
        private readonly string _method;
        private readonly IInterpolation _interpolation;
        private readonly ImmutableArray<Segment> _segments;

        public Schedule(SchedulerDescriptor descriptor, ScheduleOptions options, long? totalSteps, ImmutableArray<long> steps, ImmutableArray<double> rates, string method)
            : base(descriptor, options, rates.Max(), totalSteps, 0)
        {
            _steps = steps;
            _rates = rates;
            _method = method;
            double[] knots = [.. steps.Select(step => (double)step)];
            _interpolation = method switch
            {
                "linear" => LinearSpline.InterpolateSorted(knots, [.. rates]),
                "log_linear" => LogLinear.InterpolateSorted(knots, [.. rates]),
                // Through two points the monotone cubic is the line (MathNet asks for three).
                _ when steps.Length == 2 => LinearSpline.InterpolateSorted(knots, [.. rates]),
                _ => CubicSpline.InterpolatePchipSorted(knots, [.. rates]),
            };
            _segments = [.. Enumerable.Range(0, steps.Length - 1).Select(CreateSegment)];
        }

        public override IReadOnlyList<long> PhaseBoundaries => _steps;

        private protected override CourseEnd? OwnCourseEnd => new CourseEnd(_steps[^1], "the last point");

        // At a point the value is the point's own (MathNet's log-linear form exp(ln y) can round an ulp away from y).
        private protected override double LearningRateAt(long step) =>
            step <= _steps[0] ? _rates[0]
            : step >= _steps[^1] ? _rates[^1]
            : _steps.BinarySearch(step) is >= 0 and var index ? _rates[index]
            : _interpolation.Interpolate(step);

        private protected override void Fill<T>(long firstStep, Span<T> destination)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var step = firstStep + done;
                if (step < _steps[0] || step >= _steps[^1])
                {
                    var holdEnd = step < _steps[0] ? _steps[0] : long.MaxValue;
                    var hold = destination.Slice(done, (int)Math.Min(holdEnd - step, destination.Length - done));
                    Kernels.Constant(hold, step < _steps[0] ? _rates[0] : _rates[^1]);
                    done += hold.Length;
                    continue;
                }

                var index = _steps.BinarySearch(step);
                index = index >= 0 ? index : ~index - 1;
                var part = destination.Slice(done, (int)Math.Min(_steps[index + 1] - step, destination.Length - done));
                FillSegment(_segments[index], step - _steps[index], part);
                done += part.Length;
            }
        }

        private void FillSegment<T>(Segment segment, long offset, Span<T> destination)
            where T : unmanaged
        {
            switch (_method)
            {
                case "linear":
                    Kernels.Map(destination, offset, new AffineOperator(segment.C0, segment.C1));
                    break;
                case "log_linear" when segment.Powers is { } powers:
                    Kernels.Geometric(destination, offset, powers, segment.C0);
                    break;
                case "log_linear":
                    for (var i = 0; i < destination.Length; i++)
                    {
                        destination[i] = Lanes.From<T>(LearningRateAt(segment.Start + offset + i));
                    }

                    break;
                default:
                    // A cubic's terms cancel: single-precision steps and products would lose the float contract on long segments.
                    Kernels.MapInDouble(destination, offset, new CubicOperator(segment.C0, segment.C1, segment.C2, segment.C3));
                    break;
            }
        }

        /// <summary>The polynomial of segment <paramref name="i"/> in <c>t = step - x_i</c>, with the coefficients MathNet's own segments have.</summary>
        private Segment CreateSegment(int i)
        {
            double x0 = _steps[i], x1 = _steps[i + 1], y0 = _rates[i], y1 = _rates[i + 1];
            var width = x1 - x0;
            switch (_method)
            {
                case "linear":
                    return new Segment(_steps[i], y0, (y1 - y0) / width, 0, 0, null);
                case "log_linear":
                    // MathNet's LogLinear is exp(ln y0 + t * (ln y1 - ln y0) / width): a geometric sequence of rate (ln y1 - ln y0) / width.
                    var rate = (Math.Log(y1) - Math.Log(y0)) / width;
                    return new Segment(_steps[i], y0, rate, 0, 0, width >= MinTabledSegment ? GeometricTable.FromRate(rate) : null);
                default:
                    // PCHIP is a Hermite spline: MathNet's slopes at the knots give the cubic of each segment.
                    var slope0 = _interpolation.Differentiate(x0);
                    var slope1 = _interpolation.Differentiate(x1);
                    var secant = (y1 - y0) / width;
                    return new Segment(_steps[i], y0, slope0, ((3 * secant) - (2 * slope0) - slope1) / width, (slope0 + slope1 - (2 * secant)) / (width * width), null);
            }
        }

        private sealed record Segment(long Start, double C0, double C1, double C2, double C3, GeometricTable? Powers);
    }
}
