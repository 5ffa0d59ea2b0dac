namespace Schedulers;

/// <summary>
/// PyTorch's <c>CyclicLR</c> as a factor of <c>base_lr</c>, in PyTorch's order of operations (the sides multiply by
/// reciprocals of the ratios, within an ulp of PyTorch's divisions):
/// <c>cycle = floor(1 + t / total)</c>, <c>x = 1 + t / total - cycle</c>, a rising or falling side of the triangle, times
/// the mode's scale (1, <c>1 / 2^(cycle - 1)</c> or <c>gamma^t</c>). Periodic, with no end.
/// </summary>
internal sealed class CyclicCurve : DecayCurve
{
    private readonly long _cycleLength;
    private readonly double _total;
    private readonly double _stepRatio;
    private readonly double _height;
    private readonly string _mode;
    private readonly double _gamma;

    public CyclicCurve(long stepSizeUp, long stepSizeDown, double maxRatio, string mode, double gamma)
    {
        _cycleLength = stepSizeUp + stepSizeDown;
        _total = (double)stepSizeUp + stepSizeDown;
        _stepRatio = stepSizeUp / _total;
        _height = maxRatio - 1.0;
        _mode = mode;
        _gamma = gamma;
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
        return new CyclicOperator(_total, _stepRatio, _height * Scale(cycle, t), 1.0).Invoke(t);
    }

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
    {
        if (_mode == "exp_range")
        {
            // gamma^t times a triangle: no kernel yet, the closed form per step.
            base.FillMoving(firstT, scale, destination);
            return;
        }

        // triangular2 halves the height per cycle, so it is filled a cycle at a time; triangular in one pass.
        var done = 0;
        while (done < destination.Length)
        {
            var t = firstT + done;
            var cycleEnd = _mode == "triangular" ? long.MaxValue : ((t / _cycleLength) + 1) * _cycleLength;
            var part = destination.Slice(done, (int)Math.Min(cycleEnd - t, destination.Length - done));
            var cycle = (double)((t / _cycleLength) + 1);
            Kernels.MapInDouble(part, t, new CyclicOperator(_total, _stepRatio, _height * Scale(cycle, t), scale));
            done += part.Length;
        }
    }

    private double Scale(double cycle, long t) => _mode switch
    {
        "triangular2" => 1 / Math.Pow(2.0, cycle - 1),
        "exp_range" => Math.Pow(_gamma, t),
        _ => 1.0,
    };
}
