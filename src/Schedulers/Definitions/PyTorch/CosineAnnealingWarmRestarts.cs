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
        /// <summary>
        /// Rotation tables built with the schedule: the first cycle lengths (all of them when T_mult is 1), which every
        /// training reaches. Longer cycles get theirs when a range first reaches them.
        /// </summary>
        private const int EagerTables = 12;

        private readonly long _firstCycle;
        private readonly long _growth;
        private readonly double _floorRatio;

        /// <summary>
        /// One table per distinct cycle length, up to the last length before <see cref="long.MaxValue"/> (at most 64 with
        /// T_mult &gt; 1). A table past <see cref="EagerTables"/> is built on first use and published whole with
        /// <see cref="Interlocked.CompareExchange{T}(ref T, T, T)"/>, so concurrent readers see either null or a finished,
        /// immutable table; a race builds one twice and keeps one. Building every length eagerly would cost 12 KiB and 512
        /// sines per length for cycles (up to 2^62 steps) that almost no range reaches.
        /// </summary>
        private readonly RotationTable?[] _rotations;

        public Curve(long firstCycle, long growth, double floorRatio)
        {
            _firstCycle = firstCycle;
            _growth = growth;
            _floorRatio = floorRatio;
            var count = 1;
            for (var length = firstCycle; growth > 1 && length <= long.MaxValue / growth; length *= growth)
            {
                count++;
            }

            // One more slot for the length NextLength saturates at, long.MaxValue, once the next length would overflow.
            _rotations = new RotationTable?[count + 1];
            for (var index = 0; index < Math.Min(count, EagerTables); index++)
            {
                _rotations[index] = new RotationTable(Math.PI / LengthAt(index));
            }
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
            var wholeCycle = -1;
            while (done < destination.Length)
            {
                var t = firstT + done;
                var (start, length, index) = CycleOf(t);
                if (wholeCycle >= 0)
                {
                    // With T_mult 1 the scalar angle is pi * (t mod T_0) / T_0 and each cycle's rotation anchors at the same
                    // offsets, so every whole cycle is the first one bit for bit: copying the cycles filled so far doubles
                    // them per copy, where short cycles (T_0 of a few steps) would pay a rotation's setup per cycle.
                    var copied = Math.Min(done - wholeCycle, destination.Length - done);
                    destination.Slice(wholeCycle, copied).CopyTo(destination.Slice(done, copied));
                    done += copied;
                    continue;
                }

                var count = (int)Math.Min(length - (t - start), destination.Length - done);
                Kernels.Rotate(destination.Slice(done, count), t, new CycleAngle(start, length, long.MaxValue), RotationOf(index, length), half + (scale * _floorRatio), half, Floor);
                if (_growth == 1 && t == start)
                {
                    wholeCycle = done;
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

        /// <summary>The table of the cycle length at <paramref name="index"/>, built now if no range has reached that length before.</summary>
        private RotationTable RotationOf(int index, long length)
        {
            var table = Volatile.Read(ref _rotations[index]);
            if (table is not null)
            {
                return table;
            }

            var built = new RotationTable(Math.PI / length);
            return Interlocked.CompareExchange(ref _rotations[index], built, null) ?? built;
        }

        private long LengthAt(int index)
        {
            var length = _firstCycle;
            for (var i = 0; i < index; i++)
            {
                length = NextLength(length);
            }

            return length;
        }

        private long NextLength(long length) => length > long.MaxValue / _growth ? long.MaxValue : length * _growth;
    }
}
