namespace Schedulers;

/// <summary>timm's <c>StepLRScheduler</c> (<c>timm/scheduler/step_lr.py</c>).</summary>
internal sealed class StepLRScheduler : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = TimmParameters.Describe(
        "StepLRScheduler",
        "timm's step decay: the learning rate times decay_rate every decay_t steps (counted from the end of the warmup, as warmup_prefix is true by default).",
        "learning_rate * decay_rate^(t // decay_t)",
        prefixByDefault: true,
        new ParameterDescriptor(ScheduleKeys.DecayT, ParameterKind.Number, ParameterPresence.Required,
            "Steps between decays (timm's t // decay_t, so a fraction is valid).", range: ValueRange.GreaterThan(0)),
        new ParameterDescriptor(ScheduleKeys.DecayRate, ParameterKind.Number, ParameterPresence.Optional,
            "Multiplier applied at each decay.", ParameterValue.FromNumber(1), range: ValueRange.Between(0, false, 1, true)));

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems) => TimmParameters.CheckRules(parameters, problems);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        TimmParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.LearningRate, parameters.Number(ScheduleKeys.DecayT), parameters.Number(ScheduleKeys.DecayRate)));

    /// <summary>
    /// Python's <c>a // b</c> for floats (<c>float_floor_div</c>): <c>(a - fmod(a, b)) / b</c>, floored, and raised by one
    /// where that quotient rounded more than half below the next whole number; for positive operands, the floor of the
    /// exact quotient.
    /// </summary>
    internal static double FloorDivide(double a, double b)
    {
        var mod = a % b;
        var div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0))
        {
            div -= 1.0;
        }

        if (div == 0)
        {
            return 0.0;
        }

        var floor = Math.Floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    /// <summary>timm's <c>learning_rate * decay_rate ** (t // decay_t)</c>, a step function: one fill per run.</summary>
    internal sealed class Curve(double baseLearningRate, double decayT, double rate) : TimmCurve
    {
        public override double LearningRateAt(long t) => baseLearningRate * Math.Pow(rate, FloorDivide(t, decayT));

        public override long NextChange(long t)
        {
            if (rate == 1)
            {
                return long.MaxValue;
            }

            // Where the next decay falls in exact arithmetic, then the step Python's floor division moves on at.
            var decays = FloorDivide(t, decayT);
            var end = (decays + 1) * decayT;
            if (!(end < 4611686018427387904.0 /* 2^62 */))
            {
                return long.MaxValue;
            }

            var candidate = Math.Max(t + 1, (long)Math.Ceiling(end));
            while (candidate - 1 > t && FloorDivide(candidate - 1, decayT) != decays)
            {
                candidate--;
            }

            while (FloorDivide(candidate, decayT) == decays)
            {
                candidate++;
            }

            return candidate;
        }

        public override IEnumerable<long> Boundaries
        {
            get
            {
                for (var t = NextChange(0); t != long.MaxValue; t = NextChange(t))
                {
                    yield return t;
                }
            }
        }

        public override void Fill<T>(long firstT, Span<T> destination) => FillConstantRuns(firstT, destination);
    }
}
