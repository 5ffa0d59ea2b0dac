namespace Schedulers;

/// <summary><c>cosine_with_restarts</c>: diffusers' hard restarts, <c>num_cycles</c> whole cosine decays from the peak to 0.</summary>
internal sealed class CosineWithRestarts : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "cosine_with_restarts",
        SchedulerFamily.HuggingFace,
        "A linear warmup, then num_cycles cosine decays to 0, each restarting at the peak.",
        "p >= 1: 0; else max(0, 0.5 * (1 + cos(pi * ((num_cycles * p) mod 1))))",
        WarmupSupport.Linear,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
            .. CommonParameters.LinearWarmup(),
            new(ScheduleKeys.NumCycles, ParameterKind.Integer, ParameterPresence.Optional,
                "Number of hard restarts (whole cosine decays).", ParameterValue.FromNumber(1), range: ValueRange.AtLeast(1)),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        new WarmupDecaySchedule(
            Descriptor,
            canonicalOptions,
            parameters,
            new Curve(parameters.TotalSteps!.Value - parameters.WarmupSteps, parameters.Integer(ScheduleKeys.NumCycles)));

    /// <summary>diffusers' hard restarts: <c>max(0, 0.5 * (1 + cos(pi * ((num_cycles * p) mod 1))))</c>, and 0 from <c>p = 1</c> on.</summary>
    internal sealed class Curve : DecayCurve
    {
        private readonly long _decaySteps;
        private readonly long _cycles;
        private readonly RotationTable? _rotation;

        public Curve(long decaySteps, long cycles)
        {
            _decaySteps = decaySteps;
            _cycles = cycles;

            // The scalar angle is pi * (x mod 1) with x = num_cycles * p rounded: x's rounding grows with num_cycles.
            _rotation = Rotation.TableFor(AngleSpan, new RestartAngle(decaySteps, cycles).Delta);
        }

        /// <summary>Gets the span of the scalar's <c>num_cycles * p</c> before its <c>mod 1</c>, times pi: its rounding is what limits a double rotation.</summary>
        private double AngleSpan => Math.PI * _cycles * 2.0;

        public override IEnumerable<long> Boundaries =>
            Enumerable.Range(0, (int)Math.Min(_cycles - 1, 10_000)).Select(cycle => NextRestart(cycle));

        protected override long? End => _decaySteps;

        public override double Factor(long t) => t >= _decaySteps
            ? 0.0
            : Math.Max(0.0, 0.5 * (1.0 + Math.Cos(new RestartAngle(_decaySteps, _cycles).At(t))));

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var t = firstT + done;
                var length = (int)Math.Min(NextRestart(CycleAt(t)) - t, destination.Length - done);
                var part = destination.Slice(done, length);
                if (!CorrectedRotation.TryRotate(part, t, new RestartAngle(_decaySteps, _cycles), _rotation, AngleSpan, 0.5 * scale, 0.5 * scale, 0.0))
                {
                    base.FillMoving(t, scale, part);
                }

                done += length;
            }
        }

        /// <summary>The cycle the scalar path puts step <paramref name="t"/> in (the integer part of its rounded <c>num_cycles * p</c>).</summary>
        private double CycleAt(long t) => Math.Floor(_cycles * ((double)t / Math.Max(1L, _decaySteps)));

        /// <summary>The first step of the cycle after <paramref name="cycle"/>, by the scalar path's own rounding (an estimate, then corrected).</summary>
        private long NextRestart(double cycle)
        {
            var next = Math.Min(_decaySteps, (long)Math.Ceiling((cycle + 1) * _decaySteps / _cycles));
            while (next > 0 && CycleAt(next - 1) > cycle)
            {
                next--;
            }

            while (next < _decaySteps && CycleAt(next) <= cycle)
            {
                next++;
            }

            return next;
        }
    }
}
