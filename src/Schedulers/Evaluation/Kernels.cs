using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Schedulers;

/// <summary>
/// The fill kernels every schedule's phases are made of. Each fills a span whose element <c>i</c> is the value at step
/// <c>firstStep + i</c>, widest vector first with a scalar tail that computes the same operations.
/// </summary>
internal static class Kernels
{
    /// <summary><c>destination[i] = op(firstStep + i)</c>.</summary>
    public static void Map<TOperator>(Span<double> destination, long firstStep, TOperator op)
        where TOperator : struct, IStepOperator
    {
        var i = 0;
        var width = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated && destination.Length >= width)
        {
            ref var target = ref MemoryMarshal.GetReference(destination);

            // Steps stay exact as doubles below 2^53, so stepping the vector by its width is exact too.
            var steps = Vector<double>.Indices + new Vector<double>(firstStep);
            var stride = new Vector<double>(width);
            for (; i <= destination.Length - width; i += width)
            {
                op.Invoke(steps).StoreUnsafe(ref target, (nuint)i);
                steps += stride;
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = op.Invoke(firstStep + i);
        }
    }

    /// <summary>
    /// <c>destination[i] = max(floor, offset + amplitude * cos(angle(firstStep + i)))</c> for an angle that advances by
    /// <see cref="RotationTable.Delta"/> per step: each block anchors on the scalar angle, then rotates from the table.
    /// </summary>
    public static void Rotate<TAngle>(Span<double> destination, long firstStep, TAngle angle, RotationTable table, double offset, double amplitude, double floor)
        where TAngle : struct, IPhaseAngle
    {
        for (var start = 0; start < destination.Length; start += RotationTable.BlockLength)
        {
            var block = destination.Slice(start, Math.Min(RotationTable.BlockLength, destination.Length - start));
            var (sin, cos) = Math.SinCos(angle.At(firstStep + start));

            // cos(a + j d) = cos a cos(j d) - sin a sin(j d), scaled by the amplitude: two FMAs per step.
            RotateBlock(block, table, amplitude * cos, -amplitude * sin, offset, floor);
        }
    }

    private static void RotateBlock(Span<double> block, RotationTable table, double cosWeight, double sinWeight, double offset, double floor)
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        ref var cosines = ref MemoryMarshal.GetArrayDataReference(table.Cos);
        ref var sines = ref MemoryMarshal.GetArrayDataReference(table.Sin);
        var i = 0;
        var width = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var a = new Vector<double>(cosWeight);
            var b = new Vector<double>(sinWeight);
            var c = new Vector<double>(offset);
            var lowest = new Vector<double>(floor);
            for (; i <= block.Length - width; i += width)
            {
                var value = Vector.FusedMultiplyAdd(a, Vector.LoadUnsafe(ref cosines, (nuint)i), Vector.FusedMultiplyAdd(b, Vector.LoadUnsafe(ref sines, (nuint)i), c));
                Vector.Max(value, lowest).StoreUnsafe(ref target, (nuint)i);
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
            TensorMultiply(table.Powers.AsSpan(0, block.Length), anchor, block);
        }
    }

    private static void TensorMultiply(ReadOnlySpan<double> powers, double anchor, Span<double> block) =>
        System.Numerics.Tensors.TensorPrimitives.Multiply(powers, anchor, block);
}
