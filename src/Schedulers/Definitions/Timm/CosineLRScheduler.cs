namespace Schedulers;

/// <summary>timm's <c>CosineLRScheduler</c> (<c>timm/scheduler/cosine_lr.py</c>): SGDR's cosine with restarts, k-decay and noise.</summary>
internal sealed class CosineLRScheduler : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = TimmParameters.Describe(
        "CosineLRScheduler",
        "timm's cosine decay with restarts: each cycle falls from learning_rate * cycle_decay^i to lr_min along a cosine; after cycle_limit cycles, lr_min.",
        "lr_min + 0.5 * (learning_rate * cycle_decay^i - lr_min) * (1 + cos(pi * t_curr^k_decay / t_i^k_decay))",
        prefixByDefault: false,
        TimmParameters.TInitialDescriptor,
        TimmParameters.LrMinDescriptor,
        TimmParameters.CycleMulDescriptor,
        TimmParameters.CycleDecayDescriptor,
        TimmParameters.CycleLimitDescriptor,
        TimmParameters.KDecayDescriptor);

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        TimmParameters.CheckRules(parameters, problems);
        TimmParameters.CheckCycleRules(parameters, problems);
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        TimmParameters.Schedule(Descriptor, canonicalOptions, parameters, new Curve(
            TimmParameters.Cycles(parameters),
            parameters.Number(ScheduleKeys.KDecay)));

    /// <summary>
    /// timm's <c>_get_lr</c> after the warmup: <c>lr_min + 0.5 * (lr_max - lr_min) * (1 + cos(pi * t_curr^k / t_i^k))</c>,
    /// <c>lr_max = learning_rate * cycle_decay^i</c>. Cycles of one whole length (<c>cycle_mul</c> 1) with <c>k_decay</c> 1
    /// are rotations (the angle <c>pi * t_curr / t_initial</c> advances by a constant); the others follow the closed form.
    /// </summary>
    internal sealed class Curve : TimmCycles
    {
        private readonly double _k;
        private readonly RotationTable? _rotation;

        public Curve(Settings cycles, double k)
            : base(cycles)
        {
            _k = k;
            _rotation = FixedLength && k == 1 ? new RotationTable(Math.PI / cycles.Initial) : null;
        }

        protected override double LearningRateIn(Cycle cycle, double lrMax)
        {
            // Python's math.pi * t_curr ** k / t_i ** k; x ** 1.0 is x exactly.
            var angle = _k == 1 ? Math.PI * cycle.Position / cycle.Length : Math.PI * Math.Pow(cycle.Position, _k) / Math.Pow(cycle.Length, _k);
            return LrMin + (0.5 * (lrMax - LrMin) * (1 + Math.Cos(angle)));
        }

        protected override void FillCycle<T>(Cycle cycle, double lrMax, long firstT, Span<T> destination)
        {
            if (_rotation is null)
            {
                base.FillCycle(cycle, lrMax, firstT, destination);
                return;
            }

            var half = 0.5 * (lrMax - LrMin);
            Kernels.Rotate(destination, firstT, new CycleAngle(0, Initial, Initial), _rotation, LrMin + half, half, Math.Min(LrMin, lrMax));
        }
    }
}
