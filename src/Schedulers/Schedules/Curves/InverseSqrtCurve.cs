using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Schedulers;

/// <summary>transformers' inverse square root: <c>1 / sqrt((t + timescale) / timescale)</c>; it has no end and keeps decaying.</summary>
internal sealed class InverseSqrtCurve(long timescale) : DecayCurve
{
    /// <summary>Runs shorter than this take the hardware estimate: an anchor per few steps would cost more.</summary>
    private const int ShortestAnchoredRun = 64;

    // Adding in double cannot overflow at huge steps, and is exact (as transformers' integer sum is) below 2^53.
    public override double Factor(long t) => 1.0 / Math.Sqrt(((double)t + timescale) / timescale);

    protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
    {
        if (typeof(T) == typeof(float) || Vector512.IsHardwareAccelerated || !Vector256.IsHardwareAccelerated || !Fma.IsSupported)
        {
            Kernels.Map(destination, firstT, new InverseSqrtOperator(timescale, scale));
            return;
        }

        // Double output with 256-bit vectors: runs from an exact anchor each, lengthening as the curve flattens.
        var done = 0;
        while (done < destination.Length)
        {
            var anchor = firstT + done;
            var run = (int)Math.Min(AnchoredInverseSqrtOperator.RunLength(timescale, anchor), destination.Length - done);
            var part = destination.Slice(done, Math.Max(run, Math.Min(ShortestAnchoredRun, destination.Length - done)));
            if (run < ShortestAnchoredRun)
            {
                Kernels.Map(part, anchor, new InverseSqrtOperator(timescale, scale));
            }
            else
            {
                Kernels.MapInDouble(part, anchor, new AnchoredInverseSqrtOperator(timescale, scale, anchor));
            }

            done += part.Length;
        }
    }
}
