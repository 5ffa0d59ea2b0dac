namespace Schedulers;

/// <summary>PyTorch's <c>CyclicLR</c> with its three built-in policies (the learning rate part; momentum cycling is left to the trainer integration).</summary>
internal sealed class CyclicLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "CyclicLR",
        SchedulerFamily.PyTorch,
        "Triangles between base_lr (the learning rate) and max_lr: step_size_up steps up, step_size_down steps down; triangular2 halves the height each cycle, exp_range scales it by gamma^step.",
        "base_lr + (max_lr - base_lr) * triangle(step) * scale, scale: 1 | 1 / 2^(cycle - 1) | gamma^step",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            new(ScheduleKeys.LearningRate, ParameterKind.Number, ParameterPresence.OneOfRequired,
                "Bottom of the cycle (PyTorch's base_lr; give either, or both equal); the values rise from it to max_lr.",
                defaultDescription: "base_lr", range: ValueRange.GreaterThan(0), alternatives: [ScheduleKeys.BaseLr], equalAlternativesAccepted: true),
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            new(ScheduleKeys.BaseLr, ParameterKind.Number, ParameterPresence.OneOfRequired, "Bottom of the cycle; the same as learning_rate (give either, or both equal).",
                defaultDescription: "learning_rate", range: ValueRange.GreaterThan(0), alternatives: [ScheduleKeys.LearningRate], equalAlternativesAccepted: true),
            new(ScheduleKeys.MaxLr, ParameterKind.Number, ParameterPresence.Required, "Top of the cycle (the triangle's peak).", range: ValueRange.GreaterThan(0)),
            new(ScheduleKeys.StepSizeUp, ParameterKind.Integer, ParameterPresence.Optional, "Steps from base_lr up to max_lr.",
                ParameterValue.FromNumber(2000), range: ValueRange.AtLeast(1)),
            new(ScheduleKeys.StepSizeDown, ParameterKind.Integer, ParameterPresence.Optional, "Steps from max_lr back down to base_lr.",
                defaultDescription: "step_size_up", range: ValueRange.AtLeast(1)),
            new(ScheduleKeys.Mode, ParameterKind.Choice, ParameterPresence.Optional, "Scaling of each cycle's height.",
                ParameterValue.FromText("triangular"), choices: ["triangular", "triangular2", "exp_range"]),
            new(ScheduleKeys.Gamma, ParameterKind.Number, ParameterPresence.Optional,
                "Height multiplier per step in exp_range (accepted with every mode, as PyTorch takes it; it acts only in exp_range).",
                ParameterValue.FromNumber(1.0), range: ValueRange.Between(0, false, 1, true)),
        ],
        warmupRefusal: "CyclicLR starts its first cycle at base_lr: remove the warmup, or compose one with SequentialLR");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Given(ScheduleKeys.BaseLr) is { } baseLr && parameters.Has(ScheduleKeys.LearningRate) && baseLr.NumberValue != parameters.LearningRate)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.BaseLr, ScheduleKeys.LearningRate],
                $"base_lr = {baseLr} and learning_rate = {parameters.Given(ScheduleKeys.LearningRate)} disagree: CyclicLR's base is learning_rate; give base_lr equal to it, or leave base_lr out."));
        }

        if (parameters.Given(ScheduleKeys.MaxLr) is { } maxLr && parameters.HasLearningRate && maxLr.NumberValue == parameters.LearningRate)
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.MaxLr, maxLr,
                $"{maxLr} equals the base learning rate, so the cycle has no height and step_size_up, step_size_down and mode would do nothing: give a different max_lr, or use ConstantLR / constant."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var up = parameters.Integer(ScheduleKeys.StepSizeUp);
        return PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(
                up,
                parameters.Has(ScheduleKeys.StepSizeDown) ? parameters.Integer(ScheduleKeys.StepSizeDown) : up,
                parameters.Number(ScheduleKeys.MaxLr) / parameters.LearningRate,
                parameters.Text(ScheduleKeys.Mode),
                parameters.Number(ScheduleKeys.Gamma)));
    }

    /// <summary>
    /// PyTorch's <c>CyclicLR</c> as a factor of <c>base_lr</c>, in PyTorch's order of operations (the sides multiply by
    /// reciprocals of the ratios, within an ulp of PyTorch's divisions): <c>cycle = floor(1 + t / total)</c>,
    /// <c>x = 1 + t / total - cycle</c>, a rising or falling side of the triangle, times the mode's scale (1,
    /// <c>1 / 2^(cycle - 1)</c> or <c>gamma^t</c>). Periodic, with no end.
    /// </summary>
    internal sealed class Curve : DecayCurve
    {
        /// <summary>
        /// Below this step the rounding of <c>1 + t / total</c> (about <c>t / total * 2^-52</c>) is far smaller than one
        /// step's share of a cycle, so only the apex and the last step of a cycle can fall on the other side of a decision.
        /// </summary>
        private const double ExactPiecesBelow = 1L << 50;

        private readonly long _stepSizeUp;
        private readonly long _cycleLength;
        private readonly double _total;
        private readonly double _stepRatio;
        private readonly double _height;
        private readonly string _mode;
        private readonly double _gamma;
        private readonly GeometricTable? _envelope;

        public Curve(long stepSizeUp, long stepSizeDown, double maxRatio, string mode, double gamma)
        {
            _stepSizeUp = stepSizeUp;
            _cycleLength = stepSizeUp + stepSizeDown;
            _total = (double)stepSizeUp + stepSizeDown;
            _stepRatio = stepSizeUp / _total;
            _height = maxRatio - 1.0;
            _mode = mode;
            _gamma = gamma;
            _envelope = mode == "exp_range" ? GeometricTable.FromRatio(gamma) : null;
        }

        /// <summary>Cycle starts; a periodic curve has them forever, so the first 10,000 are listed.</summary>
        public override IEnumerable<long> Boundaries
        {
            get
            {
                for (long cycle = 1; cycle <= 10_000 && cycle <= long.MaxValue / _cycleLength; cycle++)
                {
                    yield return cycle * _cycleLength;
                }
            }
        }

        public override double Factor(long t)
        {
            var cycle = Math.Floor(1 + (t / _total));
            return Math.FusedMultiplyAdd(_height * Scale(cycle, t), new CyclicSide(_total, _stepRatio).Invoke(t), 1.0);
        }

        /// <summary>
        /// Each cycle in pieces: the rising side, the apex, the falling side and the cycle's last step. The sides are filled by
        /// a kernel with the cycle and the side fixed; the apex and the last step, where PyTorch's rounding decides, by the
        /// scalar path.
        /// </summary>
        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var t = firstT + done;
                var index = t / _cycleLength;
                var offset = t - (index * _cycleLength);
                var cycle = (double)(index + 1);
                var remaining = destination.Length - done;
                if (t + _cycleLength >= ExactPiecesBelow)
                {
                    var rest = destination.Slice(done, (int)Math.Min(_cycleLength - offset, remaining));
                    FillSide(rest, t, cycle, scale, new CyclicSide(_total, _stepRatio), 1.0);
                    done += rest.Length;
                    continue;
                }

                // Pieces by offset within the cycle: [0, up) rising, up apex, (up, last) falling, last.
                var last = _cycleLength - 1;
                long pieceEnd = offset < _stepSizeUp ? _stepSizeUp : offset == _stepSizeUp || offset == last ? offset + 1 : last;
                var part = destination.Slice(done, (int)Math.Min(pieceEnd - offset, remaining));
                if (offset == _stepSizeUp || offset == last)
                {
                    part[0] = Lanes.From<T>(scale * Factor(t));
                }
                else
                {
                    var falling = offset > _stepSizeUp;
                    var multiplier = falling ? 1.0 / (_stepRatio - 1.0) : 1.0 / _stepRatio;
                    if (typeof(T) == typeof(float) && t + part.Length < CyclicRun.SingleExactBelow)
                    {
                        // x (or x - 1) straight from the step: (t - cycle start) / total - shift, in one FMA.
                        var origin = ((double)(index * _cycleLength) / _total) + (falling ? 1.0 : 0.0);
                        FillSide(part, t, cycle, scale, new CyclicRunForSingle(_total, origin), multiplier);
                    }
                    else
                    {
                        FillSide(part, t, cycle, scale, new CyclicRun(_total, falling ? cycle + 1 : cycle), multiplier);
                    }
                }

                done += part.Length;
            }
        }

        /// <summary>
        /// <c>scale * (1 + height * mode scale * multiplier * side)</c> with the products folded into one slope: within an
        /// ulp or two of the scalar path's <c>scale * fma(height * mode scale, side, 1)</c>.
        /// </summary>
        private void FillSide<TSide, T>(Span<T> destination, long t, double cycle, double scale, TSide side, double multiplier)
            where TSide : struct, IStepOperator
            where T : unmanaged
        {
            if (_envelope is not null)
            {
                Kernels.Enveloped(destination, t, side, _envelope, _height * multiplier * scale, scale);
            }
            else
            {
                Kernels.MapInDouble(destination, t, new TriangleOperator<TSide>(side, _height * Scale(cycle, t) * multiplier * scale, scale));
            }
        }

        private double Scale(double cycle, long t) => _mode switch
        {
            "triangular2" => 1 / Math.Pow(2.0, cycle - 1),
            "exp_range" => Math.Pow(_gamma, t),
            _ => 1.0,
        };
    }
}
