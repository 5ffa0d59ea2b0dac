using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers;

/// <summary>PyTorch's <c>OneCycleLR</c> (the learning rate part; momentum cycling is left to the trainer integration).</summary>
internal sealed class OneCycleLR : CurveDefinition
{
    public override SchedulerDescriptor Descriptor { get; } = new(
        "OneCycleLR",
        SchedulerFamily.PyTorch,
        "Smith's one-cycle policy: from max_lr / div_factor up to max_lr over pct_start of the run, then down to initial / final_div_factor (with three_phase, back to the initial LR first).",
        "anneal(start, end, pct) per phase: cos: end + (start - end) / 2 * (cos(pi * pct) + 1); linear: (end - start) * pct + start",
        WarmupSupport.None,
        decaysAfterWarmup: false,
        [
            new(ScheduleKeys.LearningRate, ParameterKind.Number, ParameterPresence.OneOfRequired,
                "Peak learning rate; PyTorch calls it max_lr (give either, or both equal).",
                defaultDescription: "max_lr", range: ValueRange.GreaterThan(0), alternatives: [ScheduleKeys.MaxLr], equalAlternativesAccepted: true),
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Required),
            new(ScheduleKeys.MaxLr, ParameterKind.Number, ParameterPresence.OneOfRequired, "Peak learning rate; the same as learning_rate (give either, or both equal).",
                defaultDescription: "learning_rate", range: ValueRange.GreaterThan(0), alternatives: [ScheduleKeys.LearningRate], equalAlternativesAccepted: true),
            new(ScheduleKeys.PctStart, ParameterKind.Number, ParameterPresence.Optional, "Share of total_steps spent rising to max_lr.",
                ParameterValue.FromNumber(0.3), range: ValueRange.Between(0, true, 1, true)),
            new(ScheduleKeys.AnnealStrategy, ParameterKind.Choice, ParameterPresence.Optional, "Shape of every phase.",
                ParameterValue.FromText("cos"), choices: ["cos", "linear"]),
            new(ScheduleKeys.DivFactor, ParameterKind.Number, ParameterPresence.Optional, "The initial learning rate is max_lr / div_factor.",
                ParameterValue.FromNumber(25), range: ValueRange.GreaterThan(0)),
            new(ScheduleKeys.FinalDivFactor, ParameterKind.Number, ParameterPresence.Optional, "The final learning rate is the initial one / final_div_factor.",
                ParameterValue.FromNumber(1e4), range: ValueRange.GreaterThan(0)),
            new(ScheduleKeys.ThreePhase, ParameterKind.Boolean, ParameterPresence.Optional, "Come back down to the initial learning rate symmetrically before the final annihilation (fastai's original policy).",
                ParameterValue.FromBoolean(false)),
        ],
        warmupRefusal: "OneCycleLR has its own warm phase (pct_start): remove the warmup, or compose one with SequentialLR");

    public override void CheckRules(ParameterSet parameters, List<ConfigurationProblem> problems)
    {
        if (parameters.Given(ScheduleKeys.MaxLr) is { } maxLr && parameters.Has(ScheduleKeys.LearningRate) && maxLr.NumberValue != parameters.LearningRate)
        {
            problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.MaxLr, ScheduleKeys.LearningRate],
                $"max_lr = {maxLr} and learning_rate = {parameters.Given(ScheduleKeys.LearningRate)} disagree: OneCycleLR's peak is learning_rate; give max_lr equal to it, or leave max_lr out."));
        }

        // A tiny (subnormal) div_factor passes its own range but makes the initial learning rate overflow.
        if (parameters.Given(ScheduleKeys.DivFactor) is { } divFactor && parameters.HasLearningRate
            && !(parameters.LearningRate / divFactor.NumberValue <= CommonParameters.MaxNumber))
        {
            problems.Add(ConfigurationProblem.ForKey(ScheduleKeys.DivFactor, divFactor,
                $"{divFactor} makes the initial learning rate max_lr / div_factor larger than {ValueCheck.MaxNumberText}: give a div_factor of at least {(parameters.LearningRate / CommonParameters.MaxNumber).ToString("R", CultureInfo.InvariantCulture)}."));
        }

        if (parameters.TotalSteps is not { } total)
        {
            return;
        }

        // PyTorch divides by the length of each phase: a phase of no step divides by zero (or runs backwards).
        var pct = parameters.Number(ScheduleKeys.PctStart);
        var shape = Curve.Phases(total, pct, parameters.Boolean(ScheduleKeys.ThreePhase));
        var start = 0.0;
        foreach (var phase in shape)
        {
            if (!(phase.End - start > 0))
            {
                var valid = parameters.Given(ScheduleKeys.ThreePhase)?.BooleanValue == true
                    ? "1 < pct_start * total_steps and 2 * pct_start * total_steps - 2 < total_steps - 1"
                    : "1 < pct_start * total_steps < total_steps";
                problems.Add(ConfigurationProblem.ForKeys([ScheduleKeys.PctStart, ScheduleKeys.TotalSteps],
                    $"pct_start = {pct.ToString("R", CultureInfo.InvariantCulture)} with total_steps = {total} gives a phase of no step (PyTorch would divide by zero or run a phase backwards): valid when {valid}."));
                return;
            }

            start = phase.End;
        }
    }

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        // PyTorch's own levels: initial_lr = max_lr / div_factor, min_lr = initial_lr / final_div_factor.
        var initial = parameters.LearningRate / parameters.Number(ScheduleKeys.DivFactor);
        var minimum = initial / parameters.Number(ScheduleKeys.FinalDivFactor);
        return PyTorchParameters.Schedule(Descriptor, canonicalOptions, parameters,
            new Curve(
                parameters.TotalSteps!.Value,
                parameters.Number(ScheduleKeys.PctStart),
                parameters.Text(ScheduleKeys.AnnealStrategy) == "cos",
                parameters.Number(ScheduleKeys.DivFactor),
                parameters.Number(ScheduleKeys.FinalDivFactor),
                parameters.Boolean(ScheduleKeys.ThreePhase))
            {
                Floor = Math.Min(initial, minimum),
            });
    }

    /// <summary>
    /// PyTorch's <c>OneCycleLR</c> as a factor of <c>max_lr</c>: two or three phases ending at PyTorch's (fractional)
    /// <c>end_step</c>s, each annealing from one level to the next by a half cosine (a rotation) or a line. PyTorch refuses
    /// steps past <c>total_steps</c>; the curve holds its final value from step <c>total_steps - 1</c> on, like the Hugging
    /// Face family.
    /// </summary>
    internal sealed class Curve : DecayCurve
    {
        private readonly long _totalSteps;
        private readonly bool _cosine;
        private readonly ImmutableArray<Phase> _phases;
        private readonly ImmutableArray<RotationTable> _rotations;

        public Curve(long totalSteps, double pctStart, bool cosine, double divFactor, double finalDivFactor, bool threePhase)
        {
            _totalSteps = totalSteps;
            _cosine = cosine;
            var initial = 1.0 / divFactor;
            var minimum = initial / finalDivFactor;
            var ends = Phases(totalSteps, pctStart, threePhase);
            var levels = threePhase ? new[] { initial, 1.0, initial, minimum } : [initial, 1.0, minimum];
            var phases = ImmutableArray.CreateBuilder<Phase>(ends.Length);
            var start = 0.0;
            for (var i = 0; i < ends.Length; i++)
            {
                phases.Add(new Phase(start, ends[i].End, levels[i], levels[i + 1]));
                start = ends[i].End;
            }

            _phases = phases.MoveToImmutable();
            _rotations = cosine ? [.. _phases.Select(phase => new RotationTable(Math.PI / phase.Length))] : [];
        }

        public override IEnumerable<long> Boundaries => _phases.Take(_phases.Length - 1).Select(phase => FirstStepAfter(phase.End)).Where(step => step < _totalSteps);

        protected override long? End => _totalSteps - 1;

        /// <summary>PyTorch's phase ends: <c>float(pct_start * total_steps) - 1</c>, (three-phase) <c>2 * pct_start * total_steps - 2</c>, <c>total_steps - 1</c>.</summary>
        public static ImmutableArray<(double End, bool Last)> Phases(long totalSteps, double pctStart, bool threePhase) => threePhase
            ? [((pctStart * totalSteps) - 1, false), ((2 * pctStart * totalSteps) - 2, false), (totalSteps - 1, true)]
            : [((pctStart * totalSteps) - 1, false), (totalSteps - 1, true)];

        public override double Factor(long t)
        {
            var step = (double)Math.Min(t, _totalSteps - 1);
            var phase = _phases[PhaseOf(step)];
            var pct = (step - phase.Start) / (phase.End - phase.Start);
            return _cosine
                ? phase.To + ((phase.From - phase.To) / 2.0 * (Math.Cos(Math.PI * pct) + 1))
                : ((phase.To - phase.From) * pct) + phase.From;
        }

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var t = firstT + done;
                var index = PhaseOf(t);
                var phase = _phases[index];
                var phaseEnd = index == _phases.Length - 1 ? long.MaxValue : FirstStepAfter(phase.End);
                var part = destination.Slice(done, (int)Math.Min(phaseEnd - t, destination.Length - done));
                if (_cosine)
                {
                    // to + (from - to) / 2 * (cos + 1) = offset + amplitude * cos.
                    var amplitude = scale * (phase.From - phase.To) / 2.0;
                    Kernels.Rotate(part, t, new OneCycleAngle(phase.Start, phase.Length), _rotations[index], (scale * phase.To) + amplitude, amplitude, Floor);
                }
                else
                {
                    // Steps are counted from t, so the intercept does not cancel against a large slope * step.
                    var slope = scale * (phase.To - phase.From) / phase.Length;
                    var intercept = scale * (((phase.To - phase.From) * ((t - phase.Start) / phase.Length)) + phase.From);
                    Kernels.Map(part, 0, new AffineOperator(intercept, slope));
                    Kernels.RaiseTo(part, Floor);
                }

                done += part.Length;
            }
        }

        private static long FirstStepAfter(double end) => (long)Math.Floor(end) + 1;

        /// <summary>PyTorch's search: the first phase whose end is at or after the step, else the last.</summary>
        private int PhaseOf(double step)
        {
            for (var i = 0; i < _phases.Length - 1; i++)
            {
                if (step <= _phases[i].End)
                {
                    return i;
                }
            }

            return _phases.Length - 1;
        }

        private readonly record struct Phase(double Start, double End, double From, double To)
        {
            public double Length => End - Start;
        }
    }
}
