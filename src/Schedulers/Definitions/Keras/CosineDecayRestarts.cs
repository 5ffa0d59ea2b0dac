namespace Schedulers;

/// <summary>Keras's <c>CosineDecayRestarts</c> (SGDR as Keras computes it).</summary>
internal sealed class CosineDecayRestarts : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = KerasParameters.Describe(
        "CosineDecayRestarts",
        "Keras's cosine decay with warm restarts: the first period lasts first_decay_steps, each next one t_mul times longer and m_mul times as high; the floor stays alpha * initial_learning_rate.",
        "initial_learning_rate * ((1 - alpha) * 0.5 * m_mul^i * (1 + cos(pi * f)) + alpha), i the period and f the fraction of it done at step",
        [
            KerasParameters.InitialLearningRateDescriptor("Learning rate at step 0 and at the first restart's peak (Keras's name for learning_rate)."),
            new(ScheduleKeys.FirstDecaySteps, ParameterKind.Integer, ParameterPresence.Required, "Steps of the first period.", range: ValueRange.AtLeast(1)),
            new(ScheduleKeys.TMul, ParameterKind.Number, ParameterPresence.Optional,
                "Growth of each period's length (Keras's t_mul; below 1 the periods would shrink to nothing and Keras returns NaN after a finite step).",
                ParameterValue.FromNumber(2.0), range: ValueRange.AtLeast(1)),
            new(ScheduleKeys.MMul, ParameterKind.Number, ParameterPresence.Optional,
                "Height of each period relative to the one before (above 1 the peaks would grow without bound).",
                ParameterValue.FromNumber(1.0), range: ValueRange.Between(0, false, 1, true)),
            KerasParameters.AlphaDescriptor("Floor of every period as a share of initial_learning_rate."),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var initial = parameters.Number(ScheduleKeys.InitialLearningRate);
        var alpha = parameters.Number(ScheduleKeys.Alpha);
        var curve = new Curve(parameters.Integer(ScheduleKeys.FirstDecaySteps), parameters.Number(ScheduleKeys.TMul), parameters.Number(ScheduleKeys.MMul), alpha)
        {
            Floor = initial * alpha,
        };
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, initial, parameters.TotalSteps, WarmupPhase.None, curve, initial);
    }

    /// <summary>
    /// Keras's SGDR factor in its order of operations: <c>q = step / first_decay_steps</c>; with <c>t_mul</c> 1,
    /// <c>i = floor(q)</c> and <c>f = q - i</c>; otherwise <c>i = floor(log(1 - q (1 - t_mul)) / log(t_mul))</c>,
    /// <c>f = (q - (1 - t_mul^i) / (1 - t_mul)) / t_mul^i</c>; then <c>(1 - alpha) * (0.5 * m_mul^i * (1 + cos(pi f))) + alpha</c>.
    /// Each period is filled by rotation where that agrees with the scalar path (always with t_mul 1, by the corrected
    /// rotation of diffusers' hard restarts, whose angle is the same), else by the scalar path.
    /// </summary>
    internal sealed class Curve : DecayCurve
    {
        /// <summary>Periods with a rotation table built on first use and kept; later ones build theirs per range.</summary>
        private const int CachedTables = 128;

        /// <summary>Shorter parts of a period are filled by the scalar path: a table would cost more than it saves.</summary>
        private const int MinRotatedLength = 64;

        private readonly long _firstDecaySteps;
        private readonly double _tMul;
        private readonly double _mMul;
        private readonly double _alpha;
        private readonly RotationTable?[] _tables = new RotationTable?[CachedTables];

        public Curve(long firstDecaySteps, double tMul, double mMul, double alpha)
        {
            _firstDecaySteps = firstDecaySteps;
            _tMul = tMul;
            _mMul = mMul;
            _alpha = alpha;
        }

        /// <summary>Restarts; a periodic curve has them forever, so the first 10,000 are listed.</summary>
        public override IEnumerable<long> Boundaries
        {
            get
            {
                long t = 0;
                for (var count = 0; count < 10_000 && t < KerasParameters.MaxSearchedStep; count++)
                {
                    t = NextRestart(t);
                    yield return t;
                }
            }
        }

        public override double Factor(long t)
        {
            var (restart, fraction) = Period(t);
            var cosineDecayed = 0.5 * Math.Pow(_mMul, restart) * (1.0 + Math.Cos(Math.PI * fraction));
            return ((1.0 - _alpha) * cosineDecayed) + _alpha;
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var t = firstT + done;
                if (t >= KerasParameters.MaxSearchedStep)
                {
                    base.FillMoving(t, scale, destination[done..]);
                    return;
                }

                var restart = Period(t).Restart;
                var part = destination.Slice(done, (int)Math.Min(NextRestart(t) - t, destination.Length - done));
                if (part.Length < MinRotatedLength || !TryRotate(part, t, restart, scale))
                {
                    base.FillMoving(t, scale, part);
                }

                done += part.Length;
            }
        }

        /// <summary>Keras's period index <c>i</c> and the fraction <c>f</c> of it done, exactly as Keras rounds them.</summary>
        private (double Restart, double Fraction) Period(long t)
        {
            var fraction = (double)t / _firstDecaySteps;
            if (_tMul == 1.0)
            {
                var whole = Math.Floor(fraction);
                return (whole, fraction - whole);
            }

            var restart = Math.Floor(Math.Log(1.0 - (fraction * (1.0 - _tMul))) / Math.Log(_tMul));
            var (sum, length) = Geometric(restart);
            return (restart, (fraction - sum) / length);
        }

        /// <summary>Keras's <c>sum_r = (1 - t_mul^i) / (1 - t_mul)</c> (the periods before <c>i</c>, in first periods) and <c>t_mul^i</c>.</summary>
        private (double Sum, double Length) Geometric(double restart)
        {
            var length = Math.Pow(_tMul, restart);
            return ((1.0 - length) / (1.0 - _tMul), length);
        }

        /// <summary>The first step after <paramref name="t"/> in another period, by the scalar path's own rounding (an estimate, then corrected).</summary>
        private long NextRestart(long t)
        {
            var restart = Period(t).Restart;
            var (sum, _) = _tMul == 1.0 ? (restart + 1, 1.0) : Geometric(restart + 1);
            var estimate = sum * _firstDecaySteps;
            var next = estimate >= KerasParameters.MaxSearchedStep ? KerasParameters.MaxSearchedStep : Math.Max(t + 1, (long)Math.Ceiling(estimate));
            while (next - 1 > t && Period(next - 1).Restart > restart)
            {
                next--;
            }

            while (next < KerasParameters.MaxSearchedStep && Period(next).Restart <= restart)
            {
                next++;
            }

            return next;
        }

        /// <summary>
        /// One period's steps as <c>offset + amplitude * cos(angle)</c> by rotation, when the rotation agrees with the
        /// scalar angle: with t_mul 1 the angle is diffusers' hard-restart angle, corrected to the scalar's rounding; with
        /// t_mul &gt; 1 the scalar's rounding of <c>q</c> grows with <c>q / t_mul^i</c>, so a rotation agrees only while
        /// that span is within <see cref="Rotation.MaxAngle"/> (float: <see cref="Rotation.MaxAngleSingle"/>).
        /// </summary>
        private bool TryRotate<T>(Span<T> part, long t, double restart, double scale)
            where T : unmanaged
        {
            var half = scale * (1.0 - _alpha) * (0.5 * Math.Pow(_mMul, restart));
            var offset = half + (scale * _alpha);
            var lastQuotient = (double)(t + part.Length) / _firstDecaySteps;
            if (_tMul == 1.0)
            {
                var angle = new RestartAngle(_firstDecaySteps, 1.0);
                var span = Math.PI * 2.0 * lastQuotient;
                return CorrectedRotation.TryRotate(part, t, angle, span <= Rotation.MaxAngleSingle ? TableOf(0, angle.Delta) : null, span, offset, half, Floor);
            }

            var (sum, length) = Geometric(restart);
            var reach = Math.PI * lastQuotient / length;
            if (!(typeof(T) == typeof(float) ? reach <= Rotation.MaxAngleSingle : Rotation.CanRotate(reach)))
            {
                return false;
            }

            var periodAngle = new PeriodAngle(_firstDecaySteps, sum, length);
            Kernels.Rotate(part, t, periodAngle, TableOf((int)Math.Min(restart, int.MaxValue), periodAngle.Delta), offset, half, Floor);
            return true;
        }

        /// <summary>The rotation table of period <paramref name="index"/>, built on first use and published whole (concurrent readers see null or a finished table).</summary>
        private RotationTable TableOf(int index, double delta)
        {
            if (index >= CachedTables)
            {
                return new RotationTable(delta);
            }

            var table = Volatile.Read(ref _tables[index]);
            if (table is not null)
            {
                return table;
            }

            var built = new RotationTable(delta);
            return Interlocked.CompareExchange(ref _tables[index], built, null) ?? built;
        }

        /// <summary>Keras's angle within period <c>i</c>: <c>pi * ((step / first_decay_steps - sum_r) / t_mul^i)</c>.</summary>
        private readonly struct PeriodAngle(long firstDecaySteps, double sum, double length) : IPhaseAngle
        {
            public double Delta => Math.PI / (firstDecaySteps * length);

            public double At(long step) => Math.PI * ((((double)step / firstDecaySteps) - sum) / length);
        }
    }
}
