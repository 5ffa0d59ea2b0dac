using System.Collections.Immutable;

namespace Schedulers;

/// <summary>
/// PyTorch's <c>OneCycleLR</c> as a factor of <c>max_lr</c>: two or three phases ending at PyTorch's (fractional)
/// <c>end_step</c>s, each annealing from one level to the next by a half cosine (a rotation) or a line. PyTorch refuses
/// steps past <c>total_steps</c>; the curve holds its final value from step <c>total_steps - 1</c> on, like the Hugging
/// Face family.
/// </summary>
internal sealed class OneCycleCurve : DecayCurve
{
    private readonly long _totalSteps;
    private readonly bool _cosine;
    private readonly ImmutableArray<Phase> _phases;
    private readonly ImmutableArray<RotationTable> _rotations;

    public OneCycleCurve(long totalSteps, double pctStart, bool cosine, double divFactor, double finalDivFactor, bool threePhase)
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
