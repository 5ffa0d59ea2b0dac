using System.Collections.Immutable;

namespace Schedulers;

/// <summary><c>piecewise_constant</c>: diffusers' step rules, multipliers of the learning rate that change at given steps.</summary>
internal sealed class PiecewiseConstant : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "piecewise_constant",
        SchedulerFamily.HuggingFace,
        "Multipliers of the learning rate that change at given steps (diffusers' step_rules).",
        "m_i for the first boundary s_i > step (boundaries ascending), else m_last",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            new(ScheduleKeys.StepRules, ParameterKind.Text, ParameterPresence.Required,
                "Rules \"m1:s1,m2:s2,...,m_last\": multiplier m_i below step s_i, m_last from the last step on."),
        ],
        warmupRefusal: "piecewise_constant does not use warmup: write the warmup into step_rules, or use constant_with_warmup");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Has(ScheduleKeys.StepRules) && StepRules.Parse(parameters.Text(ScheduleKeys.StepRules), out var error) is null)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.StepRules, parameters.Given(ScheduleKeys.StepRules), error + "."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new Schedule(Descriptor, canonicalOptions, parameters, StepRules.Parse(parameters.Text(ScheduleKeys.StepRules), out _)!);

    /// <summary>
    /// diffusers' <c>piecewise_constant</c>: the multiplier of the first boundary above the step (boundaries ascending),
    /// else the last multiplier.
    /// </summary>
    internal sealed class Schedule : LearningRateSchedule
    {
        private readonly ImmutableArray<long> _boundaries;
        private readonly ImmutableArray<double> _multipliers;
        private readonly double _lastMultiplier;

        public Schedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, StepRules rules)
            : base(descriptor, options, parameters.LearningRate, parameters.TotalSteps, 0)
        {
            _boundaries = rules.Boundaries;
            _multipliers = rules.Multipliers;
            _lastMultiplier = rules.LastMultiplier;
        }

        public override IReadOnlyList<long> PhaseBoundaries => _boundaries;

        private protected override CourseEnd? OwnCourseEnd => _boundaries.IsEmpty ? null : new CourseEnd(_boundaries[^1], "step_rules' last step");

        private protected override void Fill<T>(long firstStep, Span<T> destination)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var step = firstStep + done;
                var rule = RuleAt(step);
                var next = rule < _boundaries.Length ? _boundaries[rule] : long.MaxValue;
                var run = (int)Math.Min(next - step, destination.Length - done);
                Kernels.Constant(destination.Slice(done, run), LearningRate * Multiplier(rule));
                done += run;
            }
        }

        private protected override double LearningRateAt(long step) => LearningRate * Multiplier(RuleAt(step));

        internal override long ConstantRunEnd(long step)
        {
            var rule = RuleAt(step);
            return rule < _boundaries.Length ? _boundaries[rule] : long.MaxValue;
        }

        private double Multiplier(int rule) => rule < _multipliers.Length ? _multipliers[rule] : _lastMultiplier;

        /// <summary>The index of the first boundary strictly above <paramref name="step"/>, or the count of boundaries when none is.</summary>
        private int RuleAt(long step)
        {
            if (_boundaries.IsEmpty || step >= _boundaries[^1])
            {
                return _boundaries.Length;
            }

            // BinarySearch finds step + 1 itself, or where it would go: either way the first boundary above the step.
            var index = _boundaries.BinarySearch(step + 1);
            return index < 0 ? ~index : index;
        }
    }
}
