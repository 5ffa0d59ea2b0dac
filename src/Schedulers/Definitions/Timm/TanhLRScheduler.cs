using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Schedulers;

/// <summary>timm's <c>TanhLRScheduler</c> (<c>timm/scheduler/tanh_lr.py</c>): a hyperbolic-tangent decay with restarts.</summary>
internal sealed class TanhLRScheduler : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = TimmParameters.Describe(
        "TanhLRScheduler",
        "timm's hyperbolic-tangent decay with restarts: each cycle falls from about learning_rate * cycle_decay^i towards lr_min along 1 - tanh, from lb to ub; after cycle_limit cycles, lr_min. Without warmup_prefix the warmup climbs to the curve's value at warmup_t.",
        "lr_min + 0.5 * (learning_rate * cycle_decay^i - lr_min) * (1 - tanh(lb * (1 - t_curr / t_i) + ub * t_curr / t_i))",
        prefixByDefault: false,
        TimmParameters.TInitialDescriptor,
        new ParameterDescriptor(ScheduleKeys.Lb, ParameterKind.Number, ParameterPresence.Optional,
            "Where each cycle starts on the tanh (below ub).", ParameterValue.FromNumber(-7)),
        new ParameterDescriptor(ScheduleKeys.Ub, ParameterKind.Number, ParameterPresence.Optional,
            "Where each cycle ends on the tanh (above lb).", ParameterValue.FromNumber(3)),
        TimmParameters.LrMinDescriptor,
        TimmParameters.CycleMulDescriptor,
        TimmParameters.CycleDecayDescriptor,
        TimmParameters.CycleLimitDescriptor);

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        TimmParameters.CheckRules(parameters, problems);
        TimmParameters.CheckCycleRules(parameters, problems);

        // timm asserts lb < ub; both keys must have passed their own checks (or be defaults) to be compared.
        var bothReadable = (parameters.Has(ScheduleKeys.Lb) || !parameters.Written(ScheduleKeys.Lb)) && (parameters.Has(ScheduleKeys.Ub) || !parameters.Written(ScheduleKeys.Ub));
        if (bothReadable && !(parameters.Number(ScheduleKeys.Lb) < parameters.Number(ScheduleKeys.Ub)))
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.Lb, ScheduleKeys.Ub],
                $"lb = {Text(parameters, ScheduleKeys.Lb)} is not below ub = {Text(parameters, ScheduleKeys.Ub)}: the curve runs along tanh from lb to ub, so lb must be the smaller (timm asserts lb < ub)."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var curve = new Curve(
            TimmParameters.Cycles(parameters),
            parameters.Number(ScheduleKeys.Lb),
            parameters.Number(ScheduleKeys.Ub));

        // timm's quirk: without warmup_prefix, TanhLRScheduler's warmup climbs to the curve's own value at warmup_t
        // (self._get_lr(self.warmup_t)), where the cosine and polynomial schedulers climb to the base learning rate.
        return TimmParameters.Schedule(Descriptor, canonicalOptions, parameters, curve,
            parameters.Boolean(ScheduleKeys.WarmupPrefix) ? null : curve.LearningRateAt);
    }

    private static string Text(ParameterSet parameters, string key) =>
        parameters.Given(key)?.ToString() ?? parameters.Number(key).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// timm's <c>_get_lr</c> after the warmup: with <c>tr = t_curr / t_i</c>,
    /// <c>lr_min + 0.5 * (lr_max - lr_min) * (1 - tanh(lb * (1 - tr) + ub * tr))</c>, <c>lr_max = learning_rate * cycle_decay^i</c>.
    /// A range is filled in chunks on the stack: the tanh arguments as the closed form computes them, then
    /// <see cref="TensorPrimitives.Tanh{T}(ReadOnlySpan{T}, Span{T})"/> over the chunk (a few ulps of the tanh, far inside
    /// the accuracy contract, since <c>1 - tanh</c> is scaled by the learning rate), then the affine step.
    /// </summary>
    internal sealed class Curve(TimmCycles.Settings cycles, double lb, double ub)
        : TimmCycles(cycles)
    {
        /// <summary>Steps per chunk: 4 KiB of arguments on the stack.</summary>
        private const int Chunk = 512;

        protected override double LearningRateIn(Cycle cycle, double lrMax)
        {
            var tr = cycle.Position / cycle.Length;
            return LrMin + (0.5 * (lrMax - LrMin) * (1 - Math.Tanh((lb * (1.0 - tr)) + (ub * tr))));
        }

        protected override void FillCycle<T>(Cycle cycle, double lrMax, long firstT, Span<T> destination)
        {
            if (typeof(T) == typeof(float))
            {
                FillSingle(cycle, lrMax, firstT, MemoryMarshal.Cast<T, float>(destination));
                return;
            }

            Span<double> arguments = stackalloc double[Chunk];
            var half = 0.5 * (lrMax - LrMin);
            for (var done = 0; done < destination.Length; done += Chunk)
            {
                var part = arguments[..Math.Min(Chunk, destination.Length - done)];
                for (var i = 0; i < part.Length; i++)
                {
                    var tr = cycle.PositionOf(firstT + done + i) / cycle.Length;
                    part[i] = (lb * (1.0 - tr)) + (ub * tr);
                }

                TensorPrimitives.Tanh(part, part);
                for (var i = 0; i < part.Length; i++)
                {
                    destination[done + i] = Lanes.From<T>(LrMin + (half * (1 - part[i])));
                }
            }
        }

        /// <summary>Float output: the arguments in double as above, the tanh and the affine step in single precision (float's contract is 1e-6).</summary>
        private void FillSingle(Cycle cycle, double lrMax, long firstT, Span<float> destination)
        {
            var half = (float)(0.5 * (lrMax - LrMin));
            var floor = (float)LrMin;
            for (var done = 0; done < destination.Length; done += Chunk)
            {
                var part = destination.Slice(done, Math.Min(Chunk, destination.Length - done));
                for (var i = 0; i < part.Length; i++)
                {
                    var tr = cycle.PositionOf(firstT + done + i) / cycle.Length;
                    part[i] = (float)((lb * (1.0 - tr)) + (ub * tr));
                }

                TensorPrimitives.Tanh(part, part);
                TensorPrimitives.Subtract(1f, part, part);
                TensorPrimitives.Multiply(part, half, part);
                TensorPrimitives.Add(part, floor, part);
            }
        }
    }
}
