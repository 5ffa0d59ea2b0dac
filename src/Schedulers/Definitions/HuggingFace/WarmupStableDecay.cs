using System.Collections.Immutable;

namespace Schedulers;

/// <summary><c>warmup_stable_decay</c>: transformers' <c>get_wsd_schedule</c>, with its own warmup and decay shapes.</summary>
internal sealed class WarmupStableDecay : CurveDefinition
{
    private static readonly ImmutableArray<string> Shapes = ["linear", "cosine", "1-sqrt"];

    public override SchedulerDescriptor Descriptor { get; } = new(
        "warmup_stable_decay",
        SchedulerFamily.HuggingFace,
        "Warmup, a stable phase at the peak, then a decay to min_lr_ratio (MiniCPM's WSD, as transformers implements it).",
        "warmup shape scaled into [min_lr_ratio, 1]; stable 1; decay shape scaled into [min_lr_ratio, 1]; then min_lr_ratio",
        WarmupSupport.Shaped,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            CommonParameters.WarmupStepsDescriptor(ParameterPresence.Optional),
            CommonParameters.WarmupRatioDescriptor(ParameterPresence.Optional),
            new(ScheduleKeys.DecaySteps, ParameterKind.Integer, ParameterPresence.OneOfRequired,
                "Length of the decay phase, in steps.", range: ValueRange.AtLeast(1), alternatives: [ScheduleKeys.DecayRatio]),
            new(ScheduleKeys.DecayRatio, ParameterKind.Number, ParameterPresence.OneOfRequired,
                "Decay as a share of total_steps: decay_steps = ceil(decay_ratio * total_steps).",
                range: ValueRange.Between(0, false, 1, true), alternatives: [ScheduleKeys.DecaySteps]),
            new(ScheduleKeys.StableSteps, ParameterKind.Integer, ParameterPresence.Optional,
                "Length of the stable phase at the peak.", defaultDescription: "total_steps - warmup - decay", range: ValueRange.AtLeast(0)),
            new(ScheduleKeys.WarmupType, ParameterKind.Choice, ParameterPresence.Optional,
                "Shape of the warmup (accepted with a warmup of 0, like warmup_steps: 0 itself).", ParameterValue.FromText("linear"), choices: Shapes),
            new(ScheduleKeys.DecayType, ParameterKind.Choice, ParameterPresence.Optional,
                "Shape of the decay.", ParameterValue.FromText("cosine"), choices: Shapes),
            CommonParameters.MinLrRatioDescriptor(ParameterPresence.Optional),
            new(ScheduleKeys.NumCycles, ParameterKind.Number, ParameterPresence.Optional,
                "Number of cosine waves over the decay; only with decay_type \"cosine\".",
                ParameterValue.FromNumber(0.5), range: ValueRange.GreaterThan(0)),
        ]);

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        var total = parameters.TotalSteps;
        if (parameters.Has(ScheduleKeys.DecayRatio) && total is null)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.DecayRatio, ScheduleKeys.TotalSteps], "decay_ratio is a share of total_steps, so total_steps is required with it."));
        }

        if (parameters.Has(ScheduleKeys.NumCycles) && parameters.Text(ScheduleKeys.DecayType) != "cosine")
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.NumCycles, parameters.Given(ScheduleKeys.NumCycles),
                $"only shapes a cosine decay, and decay_type is \"{parameters.Text(ScheduleKeys.DecayType)}\"; remove num_cycles or use decay_type \"cosine\".",
                ConfigurationRemedy.Remove(ScheduleKeys.NumCycles, "the decay is not a cosine")));
        }

        var decay = ResolveDecaySteps(parameters);
        if (decay is null || (total is not null && parameters.WarmupSteps >= total))
        {
            return; // Already reported: a missing or invalid decay length, or a warmup that fills the run.
        }

        if (!parameters.Has(ScheduleKeys.StableSteps))
        {
            if (total is null)
            {
                problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.StableSteps, ScheduleKeys.TotalSteps], "one of them is required to place the decay: stable_steps directly, or total_steps (stable_steps = total_steps - warmup - decay)."));
            }
            else if (parameters.WarmupSteps + decay > total)
            {
                problems.Add(ConfigurationProblem.ForKeys(
                    [ScheduleKeys.WarmupSteps, ScheduleKeys.DecaySteps, ScheduleKeys.TotalSteps],
                    $"warmup ({parameters.WarmupSteps}) + decay ({decay}) = {parameters.WarmupSteps + decay} steps do not fit in total_steps ({total}); shorten them or raise total_steps."));
            }
        }
        else if (total is not null && parameters.WarmupSteps + parameters.Integer(ScheduleKeys.StableSteps) + decay > total)
        {
            problems.Add(ConfigurationProblem.ForKeys(
                [ScheduleKeys.WarmupSteps, ScheduleKeys.StableSteps, ScheduleKeys.DecaySteps, ScheduleKeys.TotalSteps],
                $"warmup ({parameters.WarmupSteps}) + stable ({parameters.Integer(ScheduleKeys.StableSteps)}) + decay ({decay}) steps run past total_steps ({total}); the decay would not finish."));
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var decay = ResolveDecaySteps(parameters)!.Value;
        var stable = parameters.Has(ScheduleKeys.StableSteps)
            ? parameters.Integer(ScheduleKeys.StableSteps)
            : parameters.TotalSteps!.Value - parameters.WarmupSteps - decay;
        return new Schedule(Descriptor, canonicalOptions, parameters, stable, decay);
    }

    private static long? ResolveDecaySteps(ParameterSet parameters)
    {
        if (parameters.Has(ScheduleKeys.DecaySteps))
        {
            return parameters.Integer(ScheduleKeys.DecaySteps);
        }

        return parameters.Has(ScheduleKeys.DecayRatio) && parameters.TotalSteps is { } total
            ? (long)Math.Ceiling(parameters.Number(ScheduleKeys.DecayRatio) * total)
            : null;
    }

    /// <summary>
    /// transformers' <c>get_wsd_schedule</c>: a warmup of its own shape scaled into <c>[min_lr_ratio, 1]</c>, a stable phase
    /// at 1, a decay scaled into <c>[min_lr_ratio, 1]</c>, then <c>min_lr_ratio</c>.
    /// </summary>
    internal sealed class Schedule : LearningRateSchedule
    {
        private readonly long _stableSteps;
        private readonly long _decaySteps;
        private readonly string _warmupType;
        private readonly string _decayType;
        private readonly double _minLrRatio;
        private readonly double _cycles;
        private readonly RotationTable? _warmupRotation;
        private readonly RotationTable? _decayRotation;
        private readonly double _decayAngleSpan;

        public Schedule(SchedulerDescriptor descriptor, ScheduleOptions options, ParameterSet parameters, long stableSteps, long decaySteps)
            : base(descriptor, options, parameters.LearningRate, parameters.TotalSteps, parameters.WarmupSteps)
        {
            _stableSteps = stableSteps;
            _decaySteps = decaySteps;
            _warmupType = parameters.Text(ScheduleKeys.WarmupType);
            _decayType = parameters.Text(ScheduleKeys.DecayType);
            _minLrRatio = parameters.Number(ScheduleKeys.MinLrRatio);
            _cycles = parameters.Number(ScheduleKeys.NumCycles);
            _warmupRotation = _warmupType == "cosine" && WarmupSteps > 0 ? new RotationTable(Math.PI / WarmupSteps) : null;
            var decayAngle = new CosineAngle(decaySteps, _cycles);
            _decayAngleSpan = decayAngle.Span;
            _decayRotation = _decayType == "cosine" ? Rotation.TableFor(decayAngle.Span, decayAngle.Delta) : null;
        }

        public override IReadOnlyList<long> PhaseBoundaries =>
            [.. base.PhaseBoundaries, WarmupSteps + _stableSteps, WarmupSteps + _stableSteps + _decaySteps];

        // Without total_steps the phases were placed by stable_steps.
        private protected override CourseEnd? OwnCourseEnd =>
            new CourseEnd(WarmupSteps + _stableSteps + _decaySteps, WarmupSteps > 0 ? "warmup_steps + stable_steps + decay_steps" : "stable_steps + decay_steps");

        private protected override double LearningRateAt(long step) => LearningRate * Factor(step);

        private protected override void Fill<T>(long firstStep, Span<T> destination)
        {
            var stableStart = WarmupSteps;
            var decayStart = stableStart + _stableSteps;
            var decayEnd = decayStart + _decaySteps;
            var warming = Count(firstStep, stableStart, destination.Length);
            var stable = Count(firstStep, decayStart, destination.Length) - warming;
            var decaying = Count(firstStep, decayEnd, destination.Length) - warming - stable;

            FillWarmup(firstStep, destination[..warming]);
            Kernels.Constant(destination.Slice(warming, stable), LearningRate);
            FillDecay(firstStep + warming + stable - decayStart, destination.Slice(warming + stable, decaying));
            Kernels.Constant(destination[(warming + stable + decaying)..], LearningRate * _minLrRatio);
        }

        private static int Count(long firstStep, long end, int length) => (int)Math.Clamp(end - firstStep, 0, length);

        // Each shape scaled into [min_lr_ratio, 1]: lr * (r + (1 - r) * shape).
        private void FillWarmup<T>(long firstStep, Span<T> destination)
            where T : unmanaged
        {
            var span = LearningRate * (1.0 - _minLrRatio);
            var floor = LearningRate * _minLrRatio;
            switch (_warmupType)
            {
                case "cosine" when _warmupRotation is not null:
                    // 0.5 * (1 - cos(pi * p)) with p = step / W.
                    Kernels.Rotate(destination, firstStep, new CycleAngle(0, WarmupSteps, long.MaxValue), _warmupRotation, floor + (0.5 * span), -0.5 * span, floor);
                    break;
                case "1-sqrt":
                    Kernels.Map(destination, firstStep, new OneMinusSqrtOperator(Math.Max(1L, WarmupSteps), rising: true, _minLrRatio, LearningRate));
                    break;
                default:
                    Kernels.Map(destination, firstStep, new AffineOperator(floor, span / Math.Max(1L, WarmupSteps)));
                    break;
            }
        }

        private void FillDecay<T>(long firstT, Span<T> destination)
            where T : unmanaged
        {
            var span = LearningRate * (1.0 - _minLrRatio);
            var floor = LearningRate * _minLrRatio;
            switch (_decayType)
            {
                case "linear":
                    Kernels.Map(destination, firstT, new AffineOperator(floor + span, -span / Math.Max(1L, _decaySteps)));
                    break;
                case "1-sqrt":
                    Kernels.Map(destination, firstT, new OneMinusSqrtOperator(Math.Max(1L, _decaySteps), rising: false, _minLrRatio, LearningRate));
                    break;
                // TryRotate fills the phase when it returns true; where it cannot, the scalar path below does.
                case "cosine" when CorrectedRotation.TryRotate(destination, firstT, new CosineAngle(_decaySteps, _cycles), _decayRotation, _decayAngleSpan, floor + (0.5 * span), 0.5 * span, floor):
                    break;
                default:
                    for (var i = 0; i < destination.Length; i++)
                    {
                        destination[i] = Lanes.From<T>(LearningRateAt(WarmupSteps + _stableSteps + firstT + i));
                    }

                    break;
            }
        }

        private double Factor(long step)
        {
            if (step < WarmupSteps)
            {
                var progress = (double)step / Math.Max(1L, WarmupSteps);
                var shape = _warmupType switch
                {
                    "cosine" => 0.5 * (1.0 - Math.Cos(Math.PI * progress)),
                    "1-sqrt" => 1.0 - Math.Sqrt(1.0 - progress),
                    _ => progress,
                };
                return Scale(shape);
            }

            var sinceStable = step - WarmupSteps - _stableSteps;
            if (sinceStable < 0)
            {
                return 1.0;
            }

            if (sinceStable < _decaySteps)
            {
                var progress = (double)sinceStable / Math.Max(1L, _decaySteps);
                var shape = _decayType switch
                {
                    "linear" => 1.0 - progress,
                    "1-sqrt" => 1.0 - Math.Sqrt(progress),
                    _ => 0.5 * (1.0 + Math.Cos(Math.PI * _cycles * 2.0 * progress)),
                };
                return Scale(shape);
            }

            return _minLrRatio;
        }

        private double Scale(double shape) => Math.Max(0.0, (shape * (1.0 - _minLrRatio)) + _minLrRatio);
    }
}
