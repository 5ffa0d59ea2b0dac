using System.Collections.Immutable;

namespace Schedulers;

/// <summary>PyTorch's <c>CosineAnnealingWarmRestarts</c> (SGDR).</summary>
internal sealed class CosineAnnealingWarmRestarts : CurveDefinition
{

    public override SchedulerDescriptor Descriptor { get; } = PyTorchParameters.Describe(
        "CosineAnnealingWarmRestarts",
        "Cosine annealing to eta_min over cycles of T_0, T_0 * T_mult, ... steps, restarting at the learning rate.",
        "eta_min + (learning_rate - eta_min) * (1 + cos(pi * T_cur / T_i)) / 2",
        new ParameterDescriptor(ScheduleKeys.T0, ParameterKind.Integer, ParameterPresence.Required, "Steps of the first cycle.", range: ValueRange.AtLeast(1)),
        new ParameterDescriptor(ScheduleKeys.TMult, ParameterKind.Integer, ParameterPresence.Optional, "Growth factor of each cycle's length.",
            ParameterValue.FromNumber(1), range: ValueRange.AtLeast(1)),
        PyTorchParameters.EtaMinDescriptor);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions) =>
        PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(parameters.Integer(ScheduleKeys.T0), parameters.Integer(ScheduleKeys.TMult), parameters.Number(ScheduleKeys.EtaMin) / parameters.LearningRate) { Floor = parameters.Number(ScheduleKeys.EtaMin) });

    /// <summary>
    /// PyTorch's <c>CosineAnnealingWarmRestarts</c>: cosine annealing over cycles of <c>T_0</c>, <c>T_0 * T_mult</c>, ...
    /// steps, restarting at the base learning rate; the cycle is found with integer arithmetic, as PyTorch steps it.
    /// </summary>
    internal sealed class Curve : DecayCurve
    {
        /// <summary>Rotation tables are built for this many distinct cycle lengths (all of them when T_mult is 1); later cycles use the scalar path.</summary>
        private const int TabledCycles = 12;

        private readonly long _firstCycle;
        private readonly long _growth;
        private readonly double _floorRatio;
        private readonly ImmutableArray<RotationTable> _rotations;

        public Curve(long firstCycle, long growth, double floorRatio)
        {
            _firstCycle = firstCycle;
            _growth = growth;
            _floorRatio = floorRatio;
            var lengths = new List<long> { firstCycle };
            while (growth > 1 && lengths.Count < TabledCycles && lengths[^1] <= long.MaxValue / growth)
            {
                lengths.Add(lengths[^1] * growth);
            }

            _rotations = [.. lengths.Select(length => new RotationTable(Math.PI / length))];
        }

        public override IEnumerable<long> Boundaries
        {
            get
            {
                long start = 0, length = _firstCycle;
                for (var cycle = 0; cycle < 10_000 && start <= long.MaxValue - length; cycle++)
                {
                    start += length;
                    length = NextLength(length);
                    yield return start;
                }
            }
        }

        public override double Factor(long t)
        {
            var (start, length, _) = CycleOf(t);
            return _floorRatio + ((1.0 - _floorRatio) * (1.0 + Math.Cos(new CycleAngle(start, length, long.MaxValue).At(t))) / 2.0);
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var half = scale * (1.0 - _floorRatio) / 2.0;
            var done = 0;
            while (done < destination.Length)
            {
                var t = firstT + done;
                var (start, length, index) = CycleOf(t);
                var count = (int)Math.Min(length - (t - start), destination.Length - done);
                var part = destination.Slice(done, count);
                if (index < _rotations.Length)
                {
                    Kernels.Rotate(part, t, new CycleAngle(start, length, long.MaxValue), _rotations[index], half + (scale * _floorRatio), half, Floor);
                }
                else
                {
                    base.FillMoving(t, scale, part);
                }

                done += count;
            }
        }

        /// <summary>The cycle holding step <paramref name="t"/>: its first step, its length, and its index among distinct lengths.</summary>
        private (long Start, long Length, int Index) CycleOf(long t)
        {
            if (_growth == 1)
            {
                return (t - (t % _firstCycle), _firstCycle, 0);
            }

            long start = 0, length = _firstCycle;
            var index = 0;
            while (t - start >= length)
            {
                start += length;
                length = NextLength(length);
                index++;
            }

            return (start, length, index);
        }

        private long NextLength(long length) => length > long.MaxValue / _growth ? long.MaxValue : length * _growth;
    }
}
