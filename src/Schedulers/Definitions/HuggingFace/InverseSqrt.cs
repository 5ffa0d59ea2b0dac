using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary><c>inverse_sqrt</c>: transformers' inverse square root decay after a linear warmup; it has no end value.</summary>
internal sealed class InverseSqrt : CurveDefinition
{
    private const long DefaultTimescale = 10_000;

    public override SchedulerDescriptor Descriptor { get; } = new(
        "inverse_sqrt",
        SchedulerFamily.HuggingFace,
        "A linear warmup, then 1 / sqrt of the (shifted, scaled) step; keeps decaying for ever.",
        "1 / sqrt((step + timescale - W) / timescale)",
        WarmupSupport.Linear,
        decaysAfterWarmup: true,
        [
            CommonParameters.LearningRateDescriptor,
            CommonParameters.TotalStepsDescriptor(ParameterPresence.Optional),
            .. CommonParameters.LinearWarmup(),
            new(ScheduleKeys.Timescale, ParameterKind.Integer, ParameterPresence.Optional,
                "Steps over which the decay halves the factor's square (larger decays more slowly).",
                defaultDescription: $"warmup steps if > 0, else {DefaultTimescale}", range: ValueRange.AtLeast(1)),
        ]);

    public override LearningRateSchedule Create(ParameterSet parameters, ScheduleOptions canonicalOptions)
    {
        var timescale = parameters.Has(ScheduleKeys.Timescale) ? parameters.Integer(ScheduleKeys.Timescale)
            : parameters.WarmupSteps > 0 ? parameters.WarmupSteps : DefaultTimescale;
        return new WarmupDecaySchedule(Descriptor, canonicalOptions, parameters, new Curve(timescale));
    }

    /// <summary>transformers' inverse square root: <c>1 / sqrt((t + timescale) / timescale)</c>; it has no end and keeps decaying.</summary>
    internal sealed class Curve(long timescale) : DecayCurve
    {
        /// <summary>Runs shorter than this take the hardware estimate: an anchor per few steps would cost more.</summary>
        private const int ShortestAnchoredRun = 64;

        // Adding in double cannot overflow at huge steps, and is exact (as transformers' integer sum is) below 2^53.
        public override double Factor(long t) => 1.0 / Math.Sqrt(((double)t + timescale) / timescale);

        protected override void FillMoving<T>(long firstT, double scale, Span<T> destination)
        {
            if (typeof(T) == typeof(float) || Vector512.IsHardwareAccelerated || (Vector256.IsHardwareAccelerated && !Fma.IsSupported) || !Vector128.IsHardwareAccelerated)
            {
                Kernels.Map(destination, firstT, new InverseSqrtOperator(timescale, scale));
                return;
            }

            // Double output with 256- or 128-bit vectors: runs from an exact anchor each, lengthening as the curve flattens.
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
}
