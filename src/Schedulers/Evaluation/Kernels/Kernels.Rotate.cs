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

    /// <summary>Four consecutive whole blocks at once: each pair of table loads serves four outputs, so the loop is bound by stores, not loads.</summary>
    private static void RotateGroup<T>(Span<T> group, RotationTable table, ReadOnlySpan<double> cosines, ReadOnlySpan<double> sines, double amplitude, double offset, double floor)
        where T : unmanaged
    {
        var length = table.BlockLength;
        if (!Vector512.IsHardwareAccelerated && Vector256.IsHardwareAccelerated && length % Vector256<float>.Count == 0)
        {
            RotateGroup256(group, table, cosines, sines, amplitude, offset, floor);
            return;
        }

        if (!Vector512.IsHardwareAccelerated || length % Vector512<float>.Count != 0)
        {
            for (var k = 0; k < BlocksPerGroup; k++)
            {
                RotateBlock(group.Slice(k * length, length), table, amplitude * cosines[k], -amplitude * sines[k], offset, floor);
            }

            return;
        }

        if (typeof(T) == typeof(float))
        {
            RotateGroupSingle(MemoryMarshal.Cast<T, float>(group), table, cosines, sines, amplitude, offset, floor);
            return;
        }

        ref var target = ref MemoryMarshal.GetReference(group);
        ref var cosTable = ref MemoryMarshal.GetArrayDataReference(table.Cos);
        ref var sinTable = ref MemoryMarshal.GetArrayDataReference(table.Sin);
        var a0 = Vector512.Create(amplitude * cosines[0]);
        var b0 = Vector512.Create(-amplitude * sines[0]);
        var a1 = Vector512.Create(amplitude * cosines[1]);
        var b1 = Vector512.Create(-amplitude * sines[1]);
        var a2 = Vector512.Create(amplitude * cosines[2]);
        var b2 = Vector512.Create(-amplitude * sines[2]);
        var a3 = Vector512.Create(amplitude * cosines[3]);
        var b3 = Vector512.Create(-amplitude * sines[3]);
        var c = Vector512.Create(offset);
        var lowest = Vector512.Create(floor);
        var stride = (nuint)length;
        for (nuint i = 0; i < stride; i += (nuint)Vector512<double>.Count)
        {
            var cosJ = Vector512.LoadUnsafe(ref cosTable, i);
            var sinJ = Vector512.LoadUnsafe(ref sinTable, i);
            Lanes.Store(Vector512.MaxNative(Vector512.FusedMultiplyAdd(a0, cosJ, Vector512.FusedMultiplyAdd(b0, sinJ, c)), lowest), ref target, i);
            Lanes.Store(Vector512.MaxNative(Vector512.FusedMultiplyAdd(a1, cosJ, Vector512.FusedMultiplyAdd(b1, sinJ, c)), lowest), ref target, i + stride);
            Lanes.Store(Vector512.MaxNative(Vector512.FusedMultiplyAdd(a2, cosJ, Vector512.FusedMultiplyAdd(b2, sinJ, c)), lowest), ref target, i + (2 * stride));
            Lanes.Store(Vector512.MaxNative(Vector512.FusedMultiplyAdd(a3, cosJ, Vector512.FusedMultiplyAdd(b3, sinJ, c)), lowest), ref target, i + (3 * stride));
        }
    }

    /// <summary>The group kernel in single precision, sixteen lanes wide, for float output.</summary>
    private static void RotateGroupSingle(Span<float> group, RotationTable table, ReadOnlySpan<double> cosines, ReadOnlySpan<double> sines, double amplitude, double offset, double floor)
    {
        ref var target = ref MemoryMarshal.GetReference(group);
        ref var cosTable = ref MemoryMarshal.GetArrayDataReference(table.CosSingle);
        ref var sinTable = ref MemoryMarshal.GetArrayDataReference(table.SinSingle);
        var a0 = Vector512.Create((float)(amplitude * cosines[0]));
        var b0 = Vector512.Create((float)(-amplitude * sines[0]));
        var a1 = Vector512.Create((float)(amplitude * cosines[1]));
        var b1 = Vector512.Create((float)(-amplitude * sines[1]));
        var a2 = Vector512.Create((float)(amplitude * cosines[2]));
        var b2 = Vector512.Create((float)(-amplitude * sines[2]));
        var a3 = Vector512.Create((float)(amplitude * cosines[3]));
        var b3 = Vector512.Create((float)(-amplitude * sines[3]));
        var c = Vector512.Create((float)offset);
        var lowest = Vector512.Create((float)floor);
        var stride = (nuint)table.BlockLength;
        for (nuint i = 0; i < stride; i += (nuint)Vector512<float>.Count)
        {
            var cosJ = Vector512.LoadUnsafe(ref cosTable, i);
            var sinJ = Vector512.LoadUnsafe(ref sinTable, i);
            Vector512.MaxNative(Vector512.FusedMultiplyAdd(a0, cosJ, Vector512.FusedMultiplyAdd(b0, sinJ, c)), lowest).StoreUnsafe(ref target, i);
            Vector512.MaxNative(Vector512.FusedMultiplyAdd(a1, cosJ, Vector512.FusedMultiplyAdd(b1, sinJ, c)), lowest).StoreUnsafe(ref target, i + stride);
            Vector512.MaxNative(Vector512.FusedMultiplyAdd(a2, cosJ, Vector512.FusedMultiplyAdd(b2, sinJ, c)), lowest).StoreUnsafe(ref target, i + (2 * stride));
            Vector512.MaxNative(Vector512.FusedMultiplyAdd(a3, cosJ, Vector512.FusedMultiplyAdd(b3, sinJ, c)), lowest).StoreUnsafe(ref target, i + (3 * stride));
        }
    }

    /// <summary>
    /// The group kernel with 256-bit vectors (machines without AVX-512): four blocks per pair of table loads, float output
    /// in single precision eight lanes wide, as the 512-bit kernels do.
    /// </summary>
    private static void RotateGroup256<T>(Span<T> group, RotationTable table, ReadOnlySpan<double> cosines, ReadOnlySpan<double> sines, double amplitude, double offset, double floor)
        where T : unmanaged
    {
        var stride = (nuint)table.BlockLength;
        if (typeof(T) == typeof(float))
        {
            ref var single = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<T, float>(group));
            ref var cosSingle = ref MemoryMarshal.GetArrayDataReference(table.CosSingle);
            ref var sinSingle = ref MemoryMarshal.GetArrayDataReference(table.SinSingle);
            var fa0 = Vector256.Create((float)(amplitude * cosines[0]));
            var fb0 = Vector256.Create((float)(-amplitude * sines[0]));
            var fa1 = Vector256.Create((float)(amplitude * cosines[1]));
            var fb1 = Vector256.Create((float)(-amplitude * sines[1]));
            var fa2 = Vector256.Create((float)(amplitude * cosines[2]));
            var fb2 = Vector256.Create((float)(-amplitude * sines[2]));
            var fa3 = Vector256.Create((float)(amplitude * cosines[3]));
            var fb3 = Vector256.Create((float)(-amplitude * sines[3]));
            var fc = Vector256.Create((float)offset);
            var flowest = Vector256.Create((float)floor);
            for (nuint i = 0; i < stride; i += (nuint)Vector256<float>.Count)
            {
                var cosJ = Vector256.LoadUnsafe(ref cosSingle, i);
                var sinJ = Vector256.LoadUnsafe(ref sinSingle, i);
                Vector256.MaxNative(Vector256.FusedMultiplyAdd(fa0, cosJ, Vector256.FusedMultiplyAdd(fb0, sinJ, fc)), flowest).StoreUnsafe(ref single, i);
                Vector256.MaxNative(Vector256.FusedMultiplyAdd(fa1, cosJ, Vector256.FusedMultiplyAdd(fb1, sinJ, fc)), flowest).StoreUnsafe(ref single, i + stride);
                Vector256.MaxNative(Vector256.FusedMultiplyAdd(fa2, cosJ, Vector256.FusedMultiplyAdd(fb2, sinJ, fc)), flowest).StoreUnsafe(ref single, i + (2 * stride));
                Vector256.MaxNative(Vector256.FusedMultiplyAdd(fa3, cosJ, Vector256.FusedMultiplyAdd(fb3, sinJ, fc)), flowest).StoreUnsafe(ref single, i + (3 * stride));
            }

            return;
        }

        ref var target = ref MemoryMarshal.GetReference(group);
        ref var cosTable = ref MemoryMarshal.GetArrayDataReference(table.Cos);
        ref var sinTable = ref MemoryMarshal.GetArrayDataReference(table.Sin);
        var a0 = Vector256.Create(amplitude * cosines[0]);
        var b0 = Vector256.Create(-amplitude * sines[0]);
        var a1 = Vector256.Create(amplitude * cosines[1]);
        var b1 = Vector256.Create(-amplitude * sines[1]);
        var a2 = Vector256.Create(amplitude * cosines[2]);
        var b2 = Vector256.Create(-amplitude * sines[2]);
        var a3 = Vector256.Create(amplitude * cosines[3]);
        var b3 = Vector256.Create(-amplitude * sines[3]);
        var c = Vector256.Create(offset);
        if (!MayReachFloor(table, cosines, amplitude, offset, floor))
        {
            // Two FMAs and a store per vector: without the clamp's third operation the loop keeps pace with the stores.
            for (nuint i = 0; i < stride; i += (nuint)Vector256<double>.Count)
            {
                var cosJ = Vector256.LoadUnsafe(ref cosTable, i);
                var sinJ = Vector256.LoadUnsafe(ref sinTable, i);
                Lanes.Store(Vector256.FusedMultiplyAdd(a0, cosJ, Vector256.FusedMultiplyAdd(b0, sinJ, c)), ref target, i);
                Lanes.Store(Vector256.FusedMultiplyAdd(a1, cosJ, Vector256.FusedMultiplyAdd(b1, sinJ, c)), ref target, i + stride);
                Lanes.Store(Vector256.FusedMultiplyAdd(a2, cosJ, Vector256.FusedMultiplyAdd(b2, sinJ, c)), ref target, i + (2 * stride));
                Lanes.Store(Vector256.FusedMultiplyAdd(a3, cosJ, Vector256.FusedMultiplyAdd(b3, sinJ, c)), ref target, i + (3 * stride));
            }

            return;
        }

        var lowest = Vector256.Create(floor);
        for (nuint i = 0; i < stride; i += (nuint)Vector256<double>.Count)
        {
            var cosJ = Vector256.LoadUnsafe(ref cosTable, i);
            var sinJ = Vector256.LoadUnsafe(ref sinTable, i);
            Lanes.Store(Vector256.MaxNative(Vector256.FusedMultiplyAdd(a0, cosJ, Vector256.FusedMultiplyAdd(b0, sinJ, c)), lowest), ref target, i);
            Lanes.Store(Vector256.MaxNative(Vector256.FusedMultiplyAdd(a1, cosJ, Vector256.FusedMultiplyAdd(b1, sinJ, c)), lowest), ref target, i + stride);
            Lanes.Store(Vector256.MaxNative(Vector256.FusedMultiplyAdd(a2, cosJ, Vector256.FusedMultiplyAdd(b2, sinJ, c)), lowest), ref target, i + (2 * stride));
            Lanes.Store(Vector256.MaxNative(Vector256.FusedMultiplyAdd(a3, cosJ, Vector256.FusedMultiplyAdd(b3, sinJ, c)), lowest), ref target, i + (3 * stride));
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

    private static void RotateBlock<T>(Span<T> block, RotationTable table, double cosWeight, double sinWeight, double offset, double floor)
        where T : unmanaged
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
                Lanes.Store(Vector512.MaxNative(value, lowest), ref target, (nuint)i);
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
                Lanes.Store(Vector256.MaxNative(value, lowest), ref target, (nuint)i);
            }
        }

        for (; i < block.Length; i++)
        {
            var value = Math.FusedMultiplyAdd(cosWeight, Unsafe.Add(ref cosines, i), Math.FusedMultiplyAdd(sinWeight, Unsafe.Add(ref sines, i), offset));
            Lanes.Store(Math.Max(value, floor), ref target, i);
        }
    }
}
