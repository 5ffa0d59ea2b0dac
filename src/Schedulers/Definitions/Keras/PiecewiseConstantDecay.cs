using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers;

/// <summary>Keras's <c>PiecewiseConstantDecay</c>: its <c>values</c> are the learning rates, so it takes no base rate.</summary>
internal sealed class PiecewiseConstantDecay : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "PiecewiseConstantDecay",
        SchedulerFamily.Keras,
        "Keras's piecewise constant learning rates: values[0] up to and including boundaries[0], values[i] after boundaries[i-1] up to and including boundaries[i], values[-1] after the last boundary.",
        "values[number of boundaries < step]",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            new(ScheduleKeys.Boundaries, ParameterKind.IntegerList, ParameterPresence.Required,
                "Steps after which the next value applies (a boundary's own step still has the value before it), strictly increasing.",
                range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.Values, ParameterKind.NumberList, ParameterPresence.Required,
                "The learning rates, one more than boundaries; the largest is the schedule's learning_rate.",
                range: ValueRange.AtLeast(0)),
        ],
        warmupRefusal: "PiecewiseConstantDecay draws its warmup from its values: start them with a low learning rate",
        learningRateRefusal: ", whose learning rates are its values: remove it, or scale the values");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        var boundaries = parameters.Integers(ScheduleKeys.Boundaries).ToList();
        for (var i = 1; i < boundaries.Count; i++)
        {
            if (boundaries[i] <= boundaries[i - 1])
            {
                problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Boundaries, parameters.Given(ScheduleKeys.Boundaries),
                    $"{parameters.Given(ScheduleKeys.Boundaries)} is not strictly increasing (boundary {i}, {Format(boundaries[i])}, does not come after {Format(boundaries[i - 1])}): "
                    + "Keras requires strictly increasing boundaries; sort them and remove repeats."));
                break;
            }
        }

        var values = parameters.Numbers(ScheduleKeys.Values).ToList();
        if (parameters.Has(ScheduleKeys.Boundaries) && parameters.Has(ScheduleKeys.Values) && values.Count != boundaries.Count + 1)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Values, parameters.Given(ScheduleKeys.Values),
                $"{parameters.Given(ScheduleKeys.Values)} has {values.Count} learning rates for {boundaries.Count} boundaries: Keras takes exactly one more value than boundaries ({boundaries.Count + 1})."));
        }

        if (values.Count > 0 && values.All(value => value == 0))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.Values, parameters.Given(ScheduleKeys.Values),
                $"{parameters.Given(ScheduleKeys.Values)} is all zeros: give at least one learning rate > 0."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        ImmutableArray<double> values = [.. parameters.Numbers(ScheduleKeys.Values)];
        ImmutableArray<long> boundaries = [.. parameters.Integers(ScheduleKeys.Boundaries)];

        // A boundary's own step keeps the value before it: the last value starts a step later.
        var curve = new Curve(boundaries, values) { CourseEnd = boundaries.IsEmpty ? null : new(boundaries[^1] + 1, "the step after the last boundary") };
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, values.Max(), parameters.TotalSteps, WarmupPhase.None, curve, 1.0);
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keras's rule, <c>values[i]</c> for <c>boundaries[i-1] &lt; t &lt;= boundaries[i]</c>: the factor is the learning rate itself (scale 1).</summary>
    internal sealed class Curve(ImmutableArray<long> boundaries, ImmutableArray<double> values) : DecayCurve
    {
        /// <summary>The steps where a new value starts: the step after each boundary.</summary>
        public override IEnumerable<long> Boundaries => boundaries.Select(boundary => boundary + 1);

        public override double Factor(long t) => values[Passed(t)];

        protected override long NextChange(long t)
        {
            var passed = Passed(t);
            return passed < boundaries.Length ? boundaries[passed] + 1 : long.MaxValue;
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination) => FillConstantRuns(firstT, scale, destination);

        /// <summary>The number of boundaries strictly below <paramref name="t"/>.</summary>
        private int Passed(long t)
        {
            // BinarySearch finds t itself (not passed: a boundary's own step keeps the value before it) or where it would go.
            var index = boundaries.BinarySearch(t);
            return index < 0 ? ~index : index;
        }
    }
}
