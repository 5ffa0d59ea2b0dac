using System.Collections.Immutable;

namespace Schedulers;

/// <summary>timm's <c>MultiStepLRScheduler</c> (<c>timm/scheduler/multistep_lr.py</c>).</summary>
internal sealed class MultiStepLRScheduler : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = TimmParameters.Describe(
        "MultiStepLRScheduler",
        "timm's multi-step decay: the learning rate times decay_rate at each step of decay_t, one step early as timm looks at t + 1 (counted from the end of the warmup, as warmup_prefix is true by default).",
        "learning_rate * decay_rate^bisect_right(decay_t, t + 1)",
        prefixByDefault: true,
        new ParameterDescriptor(ScheduleKeys.DecayT, ParameterKind.IntegerList, ParameterPresence.Required,
            "Steps at which the learning rate is multiplied by decay_rate, in order; a repeated step counts twice.", range: ValueRange.AtLeast(1)),
        new ParameterDescriptor(ScheduleKeys.DecayRate, ParameterKind.Number, ParameterPresence.Optional,
            "Multiplier applied at each step of decay_t.", ParameterValue.FromNumber(1), range: ValueRange.Between(0, false, 1, true)));

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        TimmParameters.CheckRules(parameters, problems);

        // timm's bisect_right assumes decay_t sorted; out of order it would count decays at the wrong steps.
        var steps = parameters.Integers(ScheduleKeys.DecayT).ToList();
        if (steps.Zip(steps.Skip(1)).Any(pair => pair.Second < pair.First))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.DecayT, parameters.Given(ScheduleKeys.DecayT),
                "is not in increasing order: timm finds the decays passed with bisect_right, which assumes a sorted list; sort it (a repeated step may stay, and counts twice)."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        TimmParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.LearningRate, [.. parameters.Integers(ScheduleKeys.DecayT)], parameters.Number(ScheduleKeys.DecayRate)));

    /// <summary>
    /// timm's <c>learning_rate * decay_rate ** bisect_right(decay_t, t + 1)</c>, a step function: one fill per run. timm
    /// looks one step ahead (its <c>t + 1</c>, kept on purpose for existing training runs), so the decay of step <c>d</c>
    /// of <c>decay_t</c> is in force from <c>t = d - 1</c> on, a step before PyTorch's MultiStepLR would apply it.
    /// </summary>
    internal sealed class Curve(double baseLearningRate, ImmutableArray<long> steps, double rate) : TimmCurve
    {
        public override IEnumerable<long> Boundaries => steps.Select(step => step - 1).Where(t => t > 0).Distinct();

        // timm looks at t + 1, so the last decay lands a step before the last of decay_t.
        public override CourseEnd? CourseEnd => steps.IsEmpty ? null : new CourseEnd(Math.Max(0, steps.Max() - 1), "the last of decay_t - 1 (timm decays at t + 1)");

        public override double LearningRateAt(long t) => baseLearningRate * Math.Pow(rate, Passed(t));

        public override long NextChange(long t)
        {
            var passed = Passed(t);
            return passed < steps.Length ? steps[passed] - 1 : long.MaxValue;
        }

        public override void Fill<T>(long firstT, Span<T> destination) => FillConstantRuns(firstT, destination);

        /// <summary>Python's <c>bisect.bisect_right(decay_t, t + 1)</c>: how many steps of the sorted list are &lt;= t + 1.</summary>
        private int Passed(long t)
        {
            var passed = 0;
            while (passed < steps.Length && steps[passed] - 1 <= t)
            {
                passed++;
            }

            return passed;
        }
    }
}
