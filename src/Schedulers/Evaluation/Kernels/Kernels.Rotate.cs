using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

internal static partial class Kernels
{
    /// <summary>Blocks per exact anchor (one sine and cosine of the scalar's own angle); blocks between are turned from it.</summary>
    private const int BlocksPerAnchor = 16;

    /// <summary>Blocks filled together from one pass over the rotation table.</summary>
    private const int BlocksPerGroup = 4;

    /// <summary>
    /// <c>destination[i] = max(floor, offset + amplitude * cos(angle(firstStep + i)))</c> for an angle that advances by
    /// <see cref="RotationTable.Delta"/> per step: cos(a + j d) = cos a cos(j d) - sin a sin(j d), two FMAs per step
    /// from the table. Each block starts from an anchor (cos a, sin a): the scalar's own angle every
    /// <see cref="BlocksPerAnchor"/> blocks, and in between the previous anchor turned by one block (a few ulps each).
    /// </summary>
    public static void Rotate<TAngle, T>(Span<T> destination, long firstStep, TAngle angle, RotationTable table, double offset, double amplitude, double floor)
        where TAngle : struct, IPhaseAngle
        where T : unmanaged
    {
        var length = table.BlockLength;
        Span<double> sines = stackalloc double[BlocksPerGroup];
        Span<double> cosines = stackalloc double[BlocksPerGroup];
        double sin = 0, cos = 1;
        var block = 0;
        for (var start = 0; start < destination.Length; start += length * BlocksPerGroup)
        {
            for (var k = 0; k < BlocksPerGroup; k++, block++)
            {
                if (block % BlocksPerAnchor == 0)
                {
                    (sin, cos) = Math.SinCos(angle.At(firstStep + start + (k * length)));
                }
                else
                {
                    (sin, cos) = ((sin * table.TurnCos) + (cos * table.TurnSin), (cos * table.TurnCos) - (sin * table.TurnSin));
                }

                (sines[k], cosines[k]) = (sin, cos);
            }

            var group = destination.Slice(start, Math.Min(length * BlocksPerGroup, destination.Length - start));
            if (group.Length == length * BlocksPerGroup)
            {
                RotateGroup(group, table, cosines, sines, amplitude, offset, floor);
                continue;
            }

            for (var k = 0; k * length < group.Length; k++)
            {
                var part = group.Slice(k * length, Math.Min(length, group.Length - (k * length)));
                RotateBlock(part, table, amplitude * cosines[k], -amplitude * sines[k], offset, floor);
            }
        }
    }

    /// <summary>Four consecutive whole blocks at once, at the widest vectors the hardware has and the table divides into.</summary>
    private static void RotateGroup<T>(Span<T> group, RotationTable table, ReadOnlySpan<double> cosines, ReadOnlySpan<double> sines, double amplitude, double offset, double floor)
        where T : unmanaged
    {
        var length = table.BlockLength;
        if (Vector512.IsHardwareAccelerated && length % Vector512<float>.Count == 0)
        {
            if (typeof(T) == typeof(float))
            {
                RotateGroup<Width512<float>, Vector512<float>, float>(MemoryMarshal.Cast<T, float>(group), table.CosSingle, table.SinSingle, cosines, sines, amplitude, offset, floor, clamp: true);
            }
            else
            {
                RotateGroup<Width512<double>, Vector512<double>, double>(MemoryMarshal.Cast<T, double>(group), table.Cos, table.Sin, cosines, sines, amplitude, offset, floor, clamp: true);
            }
        }
        else if (!Vector512.IsHardwareAccelerated && Vector256.IsHardwareAccelerated && length % Vector256<float>.Count == 0)
        {
            if (typeof(T) == typeof(float))
            {
                RotateGroup<Width256<float>, Vector256<float>, float>(MemoryMarshal.Cast<T, float>(group), table.CosSingle, table.SinSingle, cosines, sines, amplitude, offset, floor, clamp: true);
            }
            else
            {
                // Only the loops tuned for machines without AVX-512 leave out the clamp where it provably does nothing;
                // the 512-bit ones always clamp, so that each runs as it was measured.
                var clamp = MayReachFloor(table, cosines, amplitude, offset, floor);
                RotateGroup<Width256<double>, Vector256<double>, double>(MemoryMarshal.Cast<T, double>(group), table.Cos, table.Sin, cosines, sines, amplitude, offset, floor, clamp);
            }
        }
        else if (!Vector512.IsHardwareAccelerated && !Vector256.IsHardwareAccelerated && Vector128.IsHardwareAccelerated && length % Vector128<float>.Count == 0)
        {
            if (typeof(T) == typeof(float))
            {
                RotateGroup<Width128<float>, Vector128<float>, float>(MemoryMarshal.Cast<T, float>(group), table.CosSingle, table.SinSingle, cosines, sines, amplitude, offset, floor, clamp: true);
            }
            else
            {
                var clamp = MayReachFloor(table, cosines, amplitude, offset, floor);
                RotateGroup<Width128<double>, Vector128<double>, double>(MemoryMarshal.Cast<T, double>(group), table.Cos, table.Sin, cosines, sines, amplitude, offset, floor, clamp);
            }
        }
        else
        {
            for (var k = 0; k < BlocksPerGroup; k++)
            {
                RotateBlock(group.Slice(k * length, length), table, amplitude * cosines[k], -amplitude * sines[k], offset, floor);
            }
        }
    }

    /// <summary>
    /// The group kernel at one vector width, the table in the output's precision (float output is computed in single
    /// precision: the table's rounding, 6e-8, is far inside float's 1e-6 contract). Each pair of table loads serves four
    /// outputs, so the loop is bound by stores, not loads.
    /// </summary>
    private static void RotateGroup<TWidth, TVector, TLane>(Span<TLane> group, TLane[] cosTable, TLane[] sinTable, ReadOnlySpan<double> cosines, ReadOnlySpan<double> sines, double amplitude, double offset, double floor, bool clamp)
        where TWidth : IVectorWidth<TVector, TLane>
        where TVector : struct
        where TLane : unmanaged
    {
        ref var target = ref MemoryMarshal.GetReference(group);
        ref var cosJs = ref MemoryMarshal.GetArrayDataReference(cosTable);
        ref var sinJs = ref MemoryMarshal.GetArrayDataReference(sinTable);
        var a0 = TWidth.Create(amplitude * cosines[0]);
        var b0 = TWidth.Create(-amplitude * sines[0]);
        var a1 = TWidth.Create(amplitude * cosines[1]);
        var b1 = TWidth.Create(-amplitude * sines[1]);
        var a2 = TWidth.Create(amplitude * cosines[2]);
        var b2 = TWidth.Create(-amplitude * sines[2]);
        var a3 = TWidth.Create(amplitude * cosines[3]);
        var b3 = TWidth.Create(-amplitude * sines[3]);
        var c = TWidth.Create(offset);
        var stride = (nuint)(group.Length / BlocksPerGroup);
        if (!clamp)
        {
            // Two FMAs and a store per vector: without the clamp's third operation the loop keeps pace with the stores.
            for (nuint i = 0; i < stride; i += (nuint)TWidth.Count)
            {
                var cosJ = TWidth.Load(ref cosJs, i);
                var sinJ = TWidth.Load(ref sinJs, i);
                TWidth.Store(TWidth.FusedMultiplyAdd(a0, cosJ, TWidth.FusedMultiplyAdd(b0, sinJ, c)), ref target, i);
                TWidth.Store(TWidth.FusedMultiplyAdd(a1, cosJ, TWidth.FusedMultiplyAdd(b1, sinJ, c)), ref target, i + stride);
                TWidth.Store(TWidth.FusedMultiplyAdd(a2, cosJ, TWidth.FusedMultiplyAdd(b2, sinJ, c)), ref target, i + (2 * stride));
                TWidth.Store(TWidth.FusedMultiplyAdd(a3, cosJ, TWidth.FusedMultiplyAdd(b3, sinJ, c)), ref target, i + (3 * stride));
            }

            return;
        }

        var lowest = TWidth.Create(floor);
        for (nuint i = 0; i < stride; i += (nuint)TWidth.Count)
        {
            var cosJ = TWidth.Load(ref cosJs, i);
            var sinJ = TWidth.Load(ref sinJs, i);
            TWidth.Store(TWidth.MaxNative(TWidth.FusedMultiplyAdd(a0, cosJ, TWidth.FusedMultiplyAdd(b0, sinJ, c)), lowest), ref target, i);
            TWidth.Store(TWidth.MaxNative(TWidth.FusedMultiplyAdd(a1, cosJ, TWidth.FusedMultiplyAdd(b1, sinJ, c)), lowest), ref target, i + stride);
            TWidth.Store(TWidth.MaxNative(TWidth.FusedMultiplyAdd(a2, cosJ, TWidth.FusedMultiplyAdd(b2, sinJ, c)), lowest), ref target, i + (2 * stride));
            TWidth.Store(TWidth.MaxNative(TWidth.FusedMultiplyAdd(a3, cosJ, TWidth.FusedMultiplyAdd(b3, sinJ, c)), lowest), ref target, i + (3 * stride));
        }
    }

    /// <summary>
    /// Whether any value of the four blocks may round below <paramref name="floor"/>, so that the clamp is needed: across a
    /// block the cosine moves by at most the block's angle span (its slope is at most 1), and rounding by a few ulps.
    /// </summary>
    private static bool MayReachFloor(RotationTable table, ReadOnlySpan<double> cosines, double amplitude, double offset, double floor)
    {
        var reach = Math.Abs(amplitude) * table.BlockLength * Math.Abs(table.Delta);
        var rounding = 1e-12 * (Math.Abs(offset) + Math.Abs(amplitude));
        foreach (var cosine in cosines)
        {
            if (offset + (amplitude * cosine) - reach <= floor + rounding)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One block, or part of one, in double precision (narrowed as it is stored for float output).</summary>
    private static void RotateBlock<T>(Span<T> block, RotationTable table, double cosWeight, double sinWeight, double offset, double floor)
        where T : unmanaged
    {
        var i = Vector512.IsHardwareAccelerated ? RotateBlock<Width512<double>, Vector512<double>, T>(block, table, cosWeight, sinWeight, offset, floor)
            : Vector256.IsHardwareAccelerated ? RotateBlock<Width256<double>, Vector256<double>, T>(block, table, cosWeight, sinWeight, offset, floor)
            : Vector128.IsHardwareAccelerated ? RotateBlock<Width128<double>, Vector128<double>, T>(block, table, cosWeight, sinWeight, offset, floor)
            : 0;
        ref var target = ref MemoryMarshal.GetReference(block);
        ref var cosines = ref MemoryMarshal.GetArrayDataReference(table.Cos);
        ref var sines = ref MemoryMarshal.GetArrayDataReference(table.Sin);
        for (; i < block.Length; i++)
        {
            var value = Math.FusedMultiplyAdd(cosWeight, Unsafe.Add(ref cosines, i), Math.FusedMultiplyAdd(sinWeight, Unsafe.Add(ref sines, i), offset));
            Lanes.Store(Math.Max(value, floor), ref target, i);
        }
    }

    /// <summary>The whole vectors of <see cref="RotateBlock{T}(Span{T}, RotationTable, double, double, double, double)"/>; returns where the scalar tail starts.</summary>
    private static int RotateBlock<TWidth, TVector, T>(Span<T> block, RotationTable table, double cosWeight, double sinWeight, double offset, double floor)
        where TWidth : IVectorWidth<TVector, double>
        where TVector : struct
        where T : unmanaged
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        ref var cosines = ref MemoryMarshal.GetArrayDataReference(table.Cos);
        ref var sines = ref MemoryMarshal.GetArrayDataReference(table.Sin);
        var a = TWidth.Create(cosWeight);
        var b = TWidth.Create(sinWeight);
        var c = TWidth.Create(offset);
        var lowest = TWidth.Create(floor);
        var i = 0;
        for (; i <= block.Length - TWidth.Count; i += TWidth.Count)
        {
            var value = TWidth.FusedMultiplyAdd(a, TWidth.Load(ref cosines, (nuint)i), TWidth.FusedMultiplyAdd(b, TWidth.Load(ref sines, (nuint)i), c));
            TWidth.Store(TWidth.MaxNative(value, lowest), ref target, (nuint)i);
        }

        return i;
    }
}
