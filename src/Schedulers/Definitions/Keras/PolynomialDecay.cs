namespace Schedulers;

/// <summary>Keras's <c>PolynomialDecay</c>.</summary>
internal sealed class PolynomialDecay : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = KerasParameters.Describe(
        "PolynomialDecay",
        "Keras's polynomial decay from initial_learning_rate to end_learning_rate over decay_steps, then end_learning_rate; with cycle, the decay restarts over the next multiple of decay_steps.",
        "(initial_learning_rate - end_learning_rate) * (1 - min(step, D) / D)^power + end_learning_rate; cycle: D = decay_steps * ceil(step / decay_steps)",
        [
            KerasParameters.InitialLearningRateDescriptor("Learning rate at step 0 (Keras's name for learning_rate)."),
            KerasParameters.DecayStepsDescriptor("Steps of the decay (of each cycle's first stretch, with cycle)."),
            new(ScheduleKeys.EndLearningRate, ParameterKind.Number, ParameterPresence.Optional,
                "Learning rate at the end of the decay (above initial_learning_rate the curve rises, as in Keras).",
                ParameterValue.FromNumber(0.0001), range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.Power, ParameterKind.Number, ParameterPresence.Optional, "Exponent of the decay (1: linear).",
                ParameterValue.FromNumber(1.0), range: ValueRange.GreaterThan(0)),
            new(ScheduleKeys.Cycle, ParameterKind.Boolean, ParameterPresence.Optional,
                "Restart past decay_steps: the decay then runs to the first multiple of decay_steps at or after the step.",
                ParameterValue.FromBoolean(false)),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var initial = parameters.Number(ScheduleKeys.InitialLearningRate);
        var end = parameters.Number(ScheduleKeys.EndLearningRate);
        var curve = new Curve(initial, end, parameters.Integer(ScheduleKeys.DecaySteps), parameters.Number(ScheduleKeys.Power), parameters.Boolean(ScheduleKeys.Cycle))
        {
            Floor = Math.Min(initial, end),

            // With cycle the decay restarts past each multiple of decay_steps, without end.
            CourseEnd = parameters.Boolean(ScheduleKeys.Cycle) ? null : new(parameters.Integer(ScheduleKeys.DecaySteps), ScheduleKeys.DecaySteps),
        };

        // The curve's factor is the learning rate itself (scale 1), in Keras's order of operations. The base rate is the
        // peak: initial_learning_rate, or end_learning_rate where the polynomial rises to it (its values near the start
        // are then small differences of larger terms, whose rounding is only small relative to the peak).
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, Math.Max(initial, end), parameters.TotalSteps, WarmupPhase.None, curve, 1.0);
    }

    /// <summary>
    /// Keras's <c>(initial - end) * (1 - p)^power + end</c>, <c>p = min(t, D) / D</c>; with cycle, <c>p = t / (D k)</c>,
    /// <c>k = ceil(t / D)</c> (1 at step 0), each cycle <c>((k - 1) D, k D]</c> one polynomial of length <c>k D</c>.
    /// </summary>
    internal sealed class Curve(double initialLearningRate, double endLearningRate, long decaySteps, double power, bool cycle) : DecayCurve
    {
        private readonly PowerKernel _kernel = new(power);

        protected override long? End => cycle ? null : decaySteps;

        public override IEnumerable<long> Boundaries
        {
            get
            {
                // Cycle starts (the step after each multiple of decay_steps); a periodic curve has them forever, so the first 10,000 are listed.
                for (long k = 1; cycle && k <= 10_000 && k < (long.MaxValue / decaySteps) - 1; k++)
                {
                    yield return (k * decaySteps) + 1;
                }
            }
        }

        public override double Factor(long t)
        {
            var step = (double)t;
            double decay = decaySteps;
            if (cycle)
            {
                decay *= CycleOf(t);
            }
            else
            {
                step = Math.Min(step, decay);
            }

            // Past 2^53 steps float64's step / D can round above 1, where Keras's power of a negative number is NaN: the
            // remaining share is never below 0 (a no-op wherever it is exact).
            return ((initialLearningRate - endLearningRate) * Math.Pow(Math.Max(0.0, 1.0 - (step / decay)), power)) + endLearningRate;
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var range = scale * (initialLearningRate - endLearningRate);
            if (!cycle)
            {
                _kernel.Fill(destination, firstT, decaySteps, range, scale * endLearningRate);
                RaiseToFloor(destination);
                return;
            }

            var done = 0;
            while (done < destination.Length)
            {
                var t = firstT + done;
                if (t >= KerasParameters.MaxSearchedStep)
                {
                    base.FillMoving(t, scale, destination[done..]);
                    return;
                }

                // Cycle k covers ((k - 1) D, k D]; step 0 belongs to the first. Its last step is k D, or a step later where
                // float64's quotient rounds down to k.
                var k = CycleOf(t);
                var last = k * decaySteps;
                while (CycleOf(last + 1) <= k)
                {
                    last++;
                }

                var part = destination.Slice(done, (int)Math.Min(last - t + 1, destination.Length - done));
                _kernel.Fill(part, t, k * decaySteps, range, scale * endLearningRate);
                done += part.Length;
            }

            RaiseToFloor(destination);
        }

        /// <summary>Keras's multiplier <c>ceil(step / decay_steps)</c> in float64, 1 at step 0.</summary>
        private long CycleOf(long t) => t == 0 ? 1 : (long)Math.Ceiling((double)t / decaySteps);

        /// <summary>
        /// The kernels' reciprocal step (<c>1 - t * (1 / D)</c>) can round an ulp below 0 at the end of a decay, and a rise
        /// an ulp below its start: the scalar path's floor, <c>min(initial, end)</c>, holds them.
        /// </summary>
        private void RaiseToFloor<T>(Span<T> destination)
            where T : unmanaged => Kernels.RaiseTo(destination, Floor);
    }
}
