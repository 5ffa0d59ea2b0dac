using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

/// <summary>
/// The fill kernels every schedule's phases are made of. Each fills a span whose element <c>i</c> is the value at step
/// <c>firstStep + i</c>: 512-bit vectors where the hardware has them, else 256-bit, then a scalar tail that computes the
/// same operations.
/// </summary>
internal static class Kernels
{
    /// <summary>Blocks per exact anchor (one sine and cosine of the scalar's own angle); blocks between are turned from it.</summary>
    private const int BlocksPerAnchor = 8;

    /// <summary><c>destination[i] = op(firstStep + i)</c>.</summary>
    public static void Map<TOperator>(Span<double> destination, long firstStep, TOperator op)
        where TOperator : struct, IStepOperator
    {
        ref var target = ref MemoryMarshal.GetReference(destination);
        var i = 0;

        // Steps stay exact as doubles below 2^53, so stepping a vector of them by its width is exact too.
        if (Vector512.IsHardwareAccelerated && destination.Length >= Vector512<double>.Count)
        {
            var steps = Vector512<double>.Indices + Vector512.Create((double)firstStep);
            var stride = Vector512.Create((double)Vector512<double>.Count);
            for (; i <= destination.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                op.Invoke(steps).StoreUnsafe(ref target, (nuint)i);
                steps += stride;
            }
        }
        else if (Vector256.IsHardwareAccelerated && destination.Length >= Vector256<double>.Count)
        {
            var steps = Vector256<double>.Indices + Vector256.Create((double)firstStep);
            var stride = Vector256.Create((double)Vector256<double>.Count);
            for (; i <= destination.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                op.Invoke(steps).StoreUnsafe(ref target, (nuint)i);
                steps += stride;
            }
        }

        for (; i < destination.Length; i++)
        {
            Unsafe.Add(ref target, i) = op.Invoke(firstStep + i);
        }
    }

    /// <summary>
    /// <c>destination[i] = max(floor, offset + amplitude * cos(angle(firstStep + i)))</c> for an angle that advances by
    /// <see cref="RotationTable.Delta"/> per step: each block anchors on the scalar angle, then rotates from the table.
    /// </summary>
    public static void Rotate<TAngle>(Span<double> destination, long firstStep, TAngle angle, RotationTable table, double offset, double amplitude, double floor)
        where TAngle : struct, IPhaseAngle
    {
        double sin = 0, cos = 1;
        for (int start = 0, block = 0; start < destination.Length; start += table.BlockLength, block++)
        {
            if (block % BlocksPerAnchor == 0)
            {
                (sin, cos) = Math.SinCos(angle.At(firstStep + start));
            }
            else
            {
                // Turn the previous anchor by one block: a few ulps per turn, and a fresh anchor every few blocks.
                (sin, cos) = ((sin * table.TurnCos) + (cos * table.TurnSin), (cos * table.TurnCos) - (sin * table.TurnSin));
            }

            // cos(a + j d) = cos a cos(j d) - sin a sin(j d), scaled by the amplitude: two FMAs per step.
            var part = destination.Slice(start, Math.Min(table.BlockLength, destination.Length - start));
            RotateBlock(part, table, amplitude * cos, -amplitude * sin, offset, floor);
        }
    }

    private static void RotateBlock(Span<double> block, RotationTable table, double cosWeight, double sinWeight, double offset, double floor)
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        ref var cosines = ref MemoryMarshal.GetArrayDataReference(table.Cos);
        ref var sines = ref MemoryMarshal.GetArrayDataReference(table.Sin);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var a = Vector512.Create(cosWeight);
            var b = Vector512.Create(sinWeight);
            var c = Vector512.Create(offset);
            var lowest = Vector512.Create(floor);
            for (; i <= block.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var value = Vector512.FusedMultiplyAdd(a, Vector512.LoadUnsafe(ref cosines, (nuint)i), Vector512.FusedMultiplyAdd(b, Vector512.LoadUnsafe(ref sines, (nuint)i), c));
                Vector512.Max(value, lowest).StoreUnsafe(ref target, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var a = Vector256.Create(cosWeight);
            var b = Vector256.Create(sinWeight);
            var c = Vector256.Create(offset);
            var lowest = Vector256.Create(floor);
            for (; i <= block.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var value = Vector256.FusedMultiplyAdd(a, Vector256.LoadUnsafe(ref cosines, (nuint)i), Vector256.FusedMultiplyAdd(b, Vector256.LoadUnsafe(ref sines, (nuint)i), c));
                Vector256.Max(value, lowest).StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i < block.Length; i++)
        {
            var value = Math.FusedMultiplyAdd(cosWeight, Unsafe.Add(ref cosines, i), Math.FusedMultiplyAdd(sinWeight, Unsafe.Add(ref sines, i), offset));
            Unsafe.Add(ref target, i) = Math.Max(value, floor);
        }
    }

    /// <summary><c>destination[i] = scale * ratio^(firstStep + i)</c>: one product per step from a per-block anchor.</summary>
    public static void Geometric(Span<double> destination, long firstStep, GeometricTable table, double scale)
    {
        for (var start = 0; start < destination.Length; start += GeometricTable.BlockLength)
        {
            var block = destination.Slice(start, Math.Min(GeometricTable.BlockLength, destination.Length - start));
            var anchor = scale * Math.Pow(table.Ratio, firstStep + start);
            System.Numerics.Tensors.TensorPrimitives.Multiply(table.Powers.AsSpan(0, block.Length), anchor, block);
        }
    }
}
