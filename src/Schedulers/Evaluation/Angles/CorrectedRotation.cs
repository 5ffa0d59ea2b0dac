using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Schedulers;

/// <summary>
/// Double-precision cosines of many cycles (angle spans beyond <see cref="Rotation.MaxAngle"/>), where the scalar path's
/// rounding of its own angle, up to 2^-52 of the angle, moves the value by more than 1e-14 of the learning rate. A
/// rotation follows the exact angle from an anchor on the scalar angle, so it is off the scalar value by
/// <c>-sin(a) (E(t) - E(t0) + (t - t0) (exact delta - Delta))</c>, with <c>E</c> the scalar angle's rounding (<see cref="IRoundedAngle.RoundingErrors"/>):
/// each chunk is rotated once for its cosines and once, a quarter turn back, for its sines, and the first-order term
/// added (the second order is below 1e-19 up to <see cref="Rotation.MaxAngleSingle"/>).
/// </summary>
internal static class CorrectedRotation
{
    /// <summary>The most steps per chunk, the scratch in L1.</summary>
    private const int ChunkLength = 1024;

    /// <summary>
    /// Blocks between the rotation's exact anchors (its own constant): a chunk holds at most this many blocks, so that
    /// its only exact anchor is its first step, from which the correction is measured.
    /// </summary>
    private const int BlocksPerAnchor = 16;

    /// <summary>Steps stay exact as doubles below 2^53; the scalar angle's rounding is measured from them.</summary>
    private const long MaxExactStep = 1L << 53;

    private static readonly double[] Offsets = [.. Enumerable.Range(0, ChunkLength).Select(offset => (double)offset)];

    /// <summary>
    /// Fills a cosine phase by rotation in <typeparamref name="T"/>'s precision, corrected to the scalar angle for double
    /// output past <see cref="Rotation.MaxAngle"/>; returns false, filling nothing, where only the scalar path agrees (no
    /// table: angles past <see cref="Rotation.MaxAngleSingle"/>; steps past 2^53 for a corrected rotation).
    /// </summary>
    public static bool TryRotate<TAngle, T>(Span<T> destination, long firstStep, TAngle angle, RotationTable? table, double angleSpan, double offset, double amplitude, double floor)
        where TAngle : struct, IRoundedAngle
        where T : unmanaged
    {
        if (table is null)
        {
            return false;
        }

        if (typeof(T) == typeof(float) || Rotation.CanRotate(angleSpan))
        {
            Kernels.Rotate(destination, firstStep, angle, table, offset, amplitude, floor);
            return true;
        }

        if (firstStep > MaxExactStep - destination.Length)
        {
            return false;
        }

        Rotate(MemoryMarshal.Cast<T, double>(destination), firstStep, angle, table, offset, amplitude, floor);
        return true;
    }

    /// <summary><c>destination[i] = max(floor, offset + amplitude * cos(angle.At(firstStep + i)))</c>, to the scalar angle.</summary>
    private static void Rotate<TAngle>(Span<double> destination, long firstStep, TAngle angle, RotationTable table, double offset, double amplitude, double floor)
        where TAngle : struct, IRoundedAngle
    {
        // Sized to the range: short cycles (cosine_with_restarts) call this once per cycle.
        var chunkLength = Math.Min(ChunkLength, BlocksPerAnchor * table.BlockLength);
        var size = Math.Min(chunkLength, destination.Length);
        Span<double> sines = stackalloc double[size];
        Span<double> errors = stackalloc double[size];
        Span<double> steps = stackalloc double[size];
        for (var start = 0; start < destination.Length; start += chunkLength)
        {
            var length = Math.Min(chunkLength, destination.Length - start);
            var first = firstStep + start;
            var part = destination.Slice(start, length);
            Kernels.Rotate(part, first, angle, table, offset, amplitude, double.NegativeInfinity);
            Kernels.Rotate(sines[..length], first, new QuarterTurnBack<TAngle>(angle), table, 0.0, -amplitude, double.NegativeInfinity);
            TensorPrimitives.Add(Offsets.AsSpan(0, length), first, steps[..length]);
            angle.RoundingErrors(steps[..length], errors[..length]);
            TensorPrimitives.Subtract(errors[..length], errors[0], errors[..length]);
            TensorPrimitives.FusedMultiplyAdd(Offsets.AsSpan(0, length), angle.DeltaError, errors[..length], errors[..length]);
            TensorPrimitives.FusedMultiplyAdd(sines[..length], errors[..length], part, part);
            TensorPrimitives.Max(part, floor, part);
        }
    }

    /// <summary>The angle a quarter turn back, whose cosine is the sine of the angle.</summary>
    private readonly struct QuarterTurnBack<TAngle>(TAngle angle) : IPhaseAngle
        where TAngle : struct, IPhaseAngle
    {
        public double At(long step) => angle.At(step) - (Math.PI / 2.0);
    }
}
