namespace Schedulers;

/// <summary>timm's <c>PolyLRScheduler</c> (<c>timm/scheduler/poly_lr.py</c>): a polynomial decay with restarts and k-decay.</summary>
internal sealed class PolyLRScheduler : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = TimmParameters.Describe(
        "PolyLRScheduler",
        "timm's polynomial decay with restarts: each cycle falls from learning_rate * cycle_decay^i to lr_min as (1 - t_curr / t_i)^power; after cycle_limit cycles, lr_min.",
        "lr_min + (learning_rate * cycle_decay^i - lr_min) * (1 - t_curr^k_decay / t_i^k_decay)^power",
        prefixByDefault: false,
        TimmParameters.TInitialDescriptor,
        new ParameterDescriptor(ScheduleKeys.Power, ParameterKind.Number, ParameterPresence.Optional,
            "Exponent of the decay (1: linear).", ParameterValue.FromNumber(0.5), range: ValueRange.GreaterThan(0)),
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
            parameters.Number(ScheduleKeys.KDecay),
            parameters.Number(ScheduleKeys.Power)));

    /// <summary>
    /// timm's <c>_get_lr</c> after the warmup: <c>lr_min + (lr_max - lr_min) * (1 - t_curr^k / t_i^k)^power</c>,
    /// <c>lr_max = learning_rate * cycle_decay^i</c>. Cycles of one whole length with <c>k_decay</c> 1 are filled by the
    /// power kernel (products for whole powers, a binomial series otherwise); the others follow the closed form.
    /// </summary>
    internal sealed class Curve : TimmCycles
    {
        private readonly double _k;
        private readonly double _power;
        private readonly PowerKernel? _kernel;

        public Curve(Settings cycles, double k, double power)
            : base(cycles)
        {
            _k = k;
            _power = power;
            _kernel = FixedLength && k == 1 ? new PowerKernel(power) : null;
        }

        protected override double LearningRateIn(Cycle cycle, double lrMax)
        {
            var progress = _k == 1 ? cycle.Position / cycle.Length : Math.Pow(cycle.Position, _k) / Math.Pow(cycle.Length, _k);
            return LrMin + ((lrMax - LrMin) * Math.Pow(1 - progress, _power));
        }

        protected override void FillCycle<T>(Cycle cycle, double lrMax, long firstT, Span<T> destination)
        {
            if (_kernel is null)
            {
                base.FillCycle(cycle, lrMax, firstT, destination);
                return;
            }

            _kernel.Fill(destination, (long)cycle.Position, Initial, lrMax - LrMin, LrMin);
        }
    }
}
