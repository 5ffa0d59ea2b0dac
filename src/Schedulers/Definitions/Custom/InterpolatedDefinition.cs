using System.Globalization;

namespace Schedulers;

/// <summary><c>interpolated</c>: a curve through control points <c>[[step, lr], ...]</c>, holding the end values outside them.</summary>
internal sealed class InterpolatedDefinition : CurveDefinition
{
    public const string Points = "points";
    public const string Method = "method";

    public override SchedulerDescriptor Descriptor { get; } = new(
        "interpolated",
        SchedulerFamily.Custom,
        "A curve through control points [[step, lr], ...] (MathNet.Numerics): pchip (monotone between points, no overshoot), linear, or log_linear (geometric between points); the first and last learning rates hold outside the points.",
        "the interpolant of the points at step; lr_0 before the first point, lr_n after the last",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            new(Points, ParameterKind.PointList, ParameterPresence.Required,
                "Control points [step, learning_rate], steps strictly increasing; the largest learning rate is the schedule's peak."),
            new(Method, ParameterKind.Choice, ParameterPresence.Optional, "How to join the points.",
                ParameterValue.FromText("pchip"), choices: ["pchip", "linear", "log_linear"]),
        ],
        warmupRefusal: "interpolated draws its warmup from its points: start them with a low learning rate at step 0");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Given(Points) is not { } points)
        {
            return;
        }

        var steps = points.Items.Select(point => point.Items[0].NumberValue).ToList();
        var rates = points.Items.Select(point => point.Items[1].NumberValue).ToList();
        for (var i = 1; i < steps.Count; i++)
        {
            if (steps[i] <= steps[i - 1])
            {
                problems.Add(ConfigurationProblem.ForKey(Points, points,
                    $"point {i} (step {Format(steps[i])}) does not come after point {i - 1} (step {Format(steps[i - 1])}): steps must be strictly increasing, without repeats."));
                break;
            }
        }

        if (rates.All(rate => rate == 0))
        {
            problems.Add(ConfigurationProblem.ForKey(Points, points, "every learning rate is 0: give at least one point a learning rate > 0."));
        }

        if (parameters.Text(Method, "pchip") == "log_linear" && rates.FindIndex(rate => rate <= 0) is var zero and >= 0)
        {
            problems.Add(ConfigurationProblem.ForKeys([Points, Method],
                $"point {zero} has learning rate {Format(rates[zero])}, but log_linear joins points geometrically and needs every learning rate > 0: raise it, or use method \"linear\" or \"pchip\"."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var points = parameters.Given(Points)!.Items;
        return new InterpolatedSchedule(
            Descriptor,
            canonicalOptions,
            parameters.TotalSteps,
            [.. points.Select(point => (long)point.Items[0].NumberValue)],
            [.. points.Select(point => point.Items[1].NumberValue)],
            parameters.Text(Method, "pchip"));
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
