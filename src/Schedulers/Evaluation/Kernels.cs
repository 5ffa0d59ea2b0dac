using System.Numerics.Tensors;
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
    private const int BlocksPerAnchor = 16;

    /// <summary>Blocks filled together from one pass over the rotation table.</summary>
    private const int BlocksPerGroup = 4;

    /// <summary><c>destination[i] = op(firstStep + i)</c>; float output is computed in single precision (16 or 8 lanes).</summary>
    public static void Map<TOperator, T>(Span<T> destination, long firstStep, TOperator op)
        where TOperator : struct, IStepOperator
        where T : unmanaged
    {
        if (typeof(T) == typeof(float) && Vector512.IsHardwareAccelerated)
        {
            MapSingle(MemoryMarshal.Cast<T, float>(destination), firstStep, op);
            return;
        }

        if (typeof(T) == typeof(float) && Vector256.IsHardwareAccelerated)
        {
            MapSingle256(MemoryMarshal.Cast<T, float>(destination), firstStep, op);
            return;
        }

        MapInDouble(destination, firstStep, op);
    }

    /// <summary>
    /// <c>destination[i] = op(firstStep + i)</c> computed in double precision whatever the output (floats are narrowed in
    /// registers as they are stored), for operators whose steps must stay exact: a float step cannot say where a large
    /// step falls within a short cycle.
    /// </summary>
    public static void MapInDouble<TOperator, T>(Span<T> destination, long firstStep, TOperator op)
        where TOperator : struct, IStepOperator
        where T : unmanaged
    {
        ref var target = ref MemoryMarshal.GetReference(destination);
        var i = 0;

        // Steps stay exact as doubles below 2^53, so stepping vectors of them by their width is exact too.
        if (Vector512.IsHardwareAccelerated && destination.Length >= Vector512<double>.Count)
        {
            const int Width = 8;
            var steps = Vector512<double>.Indices + Vector512.Create((double)firstStep);

            // Four independent step vectors: one running sum would make each iteration wait for the previous addition.
            var steps1 = steps + Vector512.Create((double)Width);
            var steps2 = steps + Vector512.Create(2.0 * Width);
            var steps3 = steps + Vector512.Create(3.0 * Width);
            var stride4 = Vector512.Create(4.0 * Width);
            for (; i <= destination.Length - (4 * Width); i += 4 * Width)
            {
                Lanes.Store(op.Invoke(steps), ref target, (nuint)i);
                Lanes.Store(op.Invoke(steps1), ref target, (nuint)(i + Width));
                Lanes.Store(op.Invoke(steps2), ref target, (nuint)(i + (2 * Width)));
                Lanes.Store(op.Invoke(steps3), ref target, (nuint)(i + (3 * Width)));
                steps += stride4;
                steps1 += stride4;
                steps2 += stride4;
                steps3 += stride4;
            }

            var stride = Vector512.Create((double)Width);
            for (; i <= destination.Length - Width; i += Width)
            {
                Lanes.Store(op.Invoke(steps), ref target, (nuint)i);
                steps += stride;
            }
        }
        else if (Vector256.IsHardwareAccelerated && destination.Length >= Vector256<double>.Count)
        {
            const int Width = 4;
            var steps = Vector256<double>.Indices + Vector256.Create((double)firstStep);

            // As above, four independent step vectors; pairs of results are stored together (eight floats in one store).
            var steps1 = steps + Vector256.Create((double)Width);
            var steps2 = steps + Vector256.Create(2.0 * Width);
            var steps3 = steps + Vector256.Create(3.0 * Width);
            var stride4 = Vector256.Create(4.0 * Width);
            for (; i <= destination.Length - (4 * Width); i += 4 * Width)
            {
                Lanes.StorePair(op.Invoke(steps), op.Invoke(steps1), ref target, (nuint)i);
                Lanes.StorePair(op.Invoke(steps2), op.Invoke(steps3), ref target, (nuint)(i + (2 * Width)));
                steps += stride4;
                steps1 += stride4;
                steps2 += stride4;
                steps3 += stride4;
            }

            var stride = Vector256.Create((double)Width);
            for (; i <= destination.Length - Width; i += Width)
            {
                Lanes.Store(op.Invoke(steps), ref target, (nuint)i);
                steps += stride;
            }
        }

        for (; i < destination.Length; i++)
        {
            Lanes.Store(op.Invoke(firstStep + i), ref target, i);
        }
    }

    /// <summary>
    /// The float-output kernel: sixteen lanes in single precision. A step is its segment's first step (rounded once to
    /// float) plus an exact offset, so steps never drift by repeated addition, even near 1e12.
    /// </summary>
    private static void MapSingle<TOperator>(Span<float> destination, long firstStep, TOperator op)
        where TOperator : struct, IStepOperator
    {
        const int Width = 16;
        const int Segment = 1 << 20; // Offsets stay exact in float far below 2^24.
        ref var target = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        for (var segmentStart = 0; segmentStart < destination.Length; segmentStart += Segment)
        {
            var segmentEnd = (int)Math.Min((long)segmentStart + Segment, destination.Length);
            var origin = Vector512.Create((float)(firstStep + segmentStart));
            var offsets = Vector512<float>.Indices;
            var offsets1 = offsets + Vector512.Create((float)Width);
            var stride = Vector512.Create(2f * Width);
            i = segmentStart;
            for (; i <= segmentEnd - (2 * Width); i += 2 * Width)
            {
                op.Invoke(origin + offsets).StoreUnsafe(ref target, (nuint)i);
                op.Invoke(origin + offsets1).StoreUnsafe(ref target, (nuint)(i + Width));
                offsets += stride;
                offsets1 += stride;
            }

            for (; i < segmentEnd; i++)
            {
                Unsafe.Add(ref target, i) = (float)op.Invoke(firstStep + i);
            }
        }
    }

    /// <summary>
    /// The float-output kernel with 256-bit vectors (machines without AVX-512): eight lanes in single precision, four
    /// independent offset vectors per iteration, steps formed as in <see cref="MapSingle"/>.
    /// </summary>
    private static void MapSingle256<TOperator>(Span<float> destination, long firstStep, TOperator op)
        where TOperator : struct, IStepOperator
    {
        const int Width = 8;
        const int Segment = 1 << 20;
        ref var target = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        for (var segmentStart = 0; segmentStart < destination.Length; segmentStart += Segment)
        {
            var segmentEnd = (int)Math.Min((long)segmentStart + Segment, destination.Length);
            var origin = Vector256.Create((float)(firstStep + segmentStart));
            var offsets = Vector256<float>.Indices;
            var offsets1 = offsets + Vector256.Create((float)Width);
            var offsets2 = offsets + Vector256.Create(2f * Width);
            var offsets3 = offsets + Vector256.Create(3f * Width);
            var stride = Vector256.Create(4f * Width);
            i = segmentStart;
            for (; i <= segmentEnd - (4 * Width); i += 4 * Width)
            {
                op.Invoke(origin + offsets).StoreUnsafe(ref target, (nuint)i);
                op.Invoke(origin + offsets1).StoreUnsafe(ref target, (nuint)(i + Width));
                op.Invoke(origin + offsets2).StoreUnsafe(ref target, (nuint)(i + (2 * Width)));
                op.Invoke(origin + offsets3).StoreUnsafe(ref target, (nuint)(i + (3 * Width)));
                offsets += stride;
                offsets1 += stride;
                offsets2 += stride;
                offsets3 += stride;
            }

            for (; i < segmentEnd; i++)
            {
                Unsafe.Add(ref target, i) = (float)op.Invoke(firstStep + i);
            }
        }
    }

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

    /// <summary><c>destination[i] = scale * ratio^(firstStep + i)</c>: one product per step from a per-block anchor.</summary>
    public static void Geometric<T>(Span<T> destination, long firstStep, GeometricTable table, double scale)
        where T : unmanaged
    {
        for (var start = 0; start < destination.Length; start += GeometricTable.BlockLength)
        {
            var block = destination.Slice(start, Math.Min(GeometricTable.BlockLength, destination.Length - start));
            var anchor = scale * table.PowerAt(firstStep + start);
            // A float anchor that underflows or overflows would lose what the double products keep: those blocks stay in double.
            if (typeof(T) == typeof(float) && !Vector512.IsHardwareAccelerated && Vector256.IsHardwareAccelerated && float.IsNormal((float)anchor))
            {
                GeometricSingle256(MemoryMarshal.Cast<T, float>(block), table, anchor);
                continue;
            }

            ref var target = ref MemoryMarshal.GetReference(block);
            ref var powers = ref MemoryMarshal.GetArrayDataReference(table.Powers);
            var i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var factor = Vector512.Create(anchor);
                for (; i <= block.Length - Vector512<double>.Count; i += Vector512<double>.Count)
                {
                    Lanes.Store(factor * Vector512.LoadUnsafe(ref powers, (nuint)i), ref target, (nuint)i);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var factor = Vector256.Create(anchor);
                for (; i <= block.Length - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    Lanes.Store(factor * Vector256.LoadUnsafe(ref powers, (nuint)i), ref target, (nuint)i);
                }
            }

            for (; i < block.Length; i++)
            {
                Lanes.Store(anchor * Unsafe.Add(ref powers, i), ref target, i);
            }
        }
    }

    /// <summary>
    /// One block of <see cref="Geometric"/> for float output with 256-bit vectors: the anchor and the table in single
    /// precision, eight products per instruction instead of four products narrowed as they are stored.
    /// </summary>
    private static void GeometricSingle256(Span<float> block, GeometricTable table, double anchor)
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        ref var powers = ref MemoryMarshal.GetArrayDataReference(table.PowersSingle);
        var single = (float)anchor;
        var factor = Vector256.Create(single);
        var i = 0;
        for (; i <= block.Length - Vector256<float>.Count; i += Vector256<float>.Count)
        {
            (factor * Vector256.LoadUnsafe(ref powers, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < block.Length; i++)
        {
            Unsafe.Add(ref target, i) = single * Unsafe.Add(ref powers, i);
        }
    }

    /// <summary>
    /// <c>destination[i] = scale + height * envelope^(firstStep + i) * side(firstStep + i)</c> in one pass: CyclicLR's
    /// exp_range, a triangle under a geometric envelope taken from <paramref name="envelope"/> (an exact power anchors each
    /// block, as in <see cref="Geometric"/>).
    /// </summary>
    public static void Enveloped<TSide, T>(Span<T> destination, long firstStep, TSide side, GeometricTable envelope, double height, double scale)
        where TSide : struct, IStepOperator
        where T : unmanaged
    {
        ref var powers = ref MemoryMarshal.GetArrayDataReference(envelope.Powers);
        for (var start = 0; start < destination.Length; start += GeometricTable.BlockLength)
        {
            var block = destination.Slice(start, Math.Min(GeometricTable.BlockLength, destination.Length - start));
            var origin = firstStep + start;
            var anchor = height * envelope.PowerAt(origin);
            ref var target = ref MemoryMarshal.GetReference(block);
            var i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var steps = Vector512<double>.Indices + Vector512.Create((double)origin);
                var anchors = Vector512.Create(anchor);
                var scales = Vector512.Create(scale);
                for (; i <= block.Length - Vector512<double>.Count; i += Vector512<double>.Count)
                {
                    var heights = anchors * Vector512.LoadUnsafe(ref powers, (nuint)i);
                    Lanes.Store(Vector512.FusedMultiplyAdd(heights, side.Invoke(steps), scales), ref target, (nuint)i);
                    steps += Vector512.Create((double)Vector512<double>.Count);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                // Four independent step vectors, as in MapInDouble, and pairs of results stored together.
                const int Width = 4;
                var steps = Vector256<double>.Indices + Vector256.Create((double)origin);
                var steps1 = steps + Vector256.Create((double)Width);
                var steps2 = steps + Vector256.Create(2.0 * Width);
                var steps3 = steps + Vector256.Create(3.0 * Width);
                var stride4 = Vector256.Create(4.0 * Width);
                var anchors = Vector256.Create(anchor);
                var scales = Vector256.Create(scale);
                for (; i <= block.Length - (4 * Width); i += 4 * Width)
                {
                    var index = (nuint)i;
                    var value = Vector256.FusedMultiplyAdd(anchors * Vector256.LoadUnsafe(ref powers, index), side.Invoke(steps), scales);
                    var value1 = Vector256.FusedMultiplyAdd(anchors * Vector256.LoadUnsafe(ref powers, index + Width), side.Invoke(steps1), scales);
                    var value2 = Vector256.FusedMultiplyAdd(anchors * Vector256.LoadUnsafe(ref powers, index + (2 * Width)), side.Invoke(steps2), scales);
                    var value3 = Vector256.FusedMultiplyAdd(anchors * Vector256.LoadUnsafe(ref powers, index + (3 * Width)), side.Invoke(steps3), scales);
                    Lanes.StorePair(value, value1, ref target, index);
                    Lanes.StorePair(value2, value3, ref target, index + (2 * Width));
                    steps += stride4;
                    steps1 += stride4;
                    steps2 += stride4;
                    steps3 += stride4;
                }

                for (; i <= block.Length - Width; i += Width)
                {
                    var heights = anchors * Vector256.LoadUnsafe(ref powers, (nuint)i);
                    Lanes.Store(Vector256.FusedMultiplyAdd(heights, side.Invoke(steps), scales), ref target, (nuint)i);
                    steps += Vector256.Create((double)Width);
                }
            }

            for (; i < block.Length; i++)
            {
                Lanes.Store(Math.FusedMultiplyAdd(anchor * Unsafe.Add(ref powers, i), side.Invoke(origin + i), scale), ref target, i);
            }
        }
    }

    /// <summary><c>values[i] *= factors[i] * inverse</c>, in the output's precision: a ChainedScheduler's product of factors.</summary>
    public static void MultiplyByScaled<T>(Span<T> values, ReadOnlySpan<T> factors, double inverse)
        where T : unmanaged
    {
        var i = 0;
        if (typeof(T) == typeof(double))
        {
            ref var value = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(values));
            ref var factor = ref Unsafe.As<T, double>(ref MemoryMarshal.GetReference(factors));
            if (Vector512.IsHardwareAccelerated)
            {
                var inverses = Vector512.Create(inverse);
                for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
                {
                    (Vector512.LoadUnsafe(ref value, (nuint)i) * (Vector512.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var inverses = Vector256.Create(inverse);
                for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    (Vector256.LoadUnsafe(ref value, (nuint)i) * (Vector256.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }

            for (; i < values.Length; i++)
            {
                Unsafe.Add(ref value, i) *= Unsafe.Add(ref factor, i) * inverse;
            }
        }
        else
        {
            ref var value = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(values));
            ref var factor = ref Unsafe.As<T, float>(ref MemoryMarshal.GetReference(factors));
            var single = (float)inverse;
            if (Vector512.IsHardwareAccelerated)
            {
                var inverses = Vector512.Create(single);
                for (; i <= values.Length - Vector512<float>.Count; i += Vector512<float>.Count)
                {
                    (Vector512.LoadUnsafe(ref value, (nuint)i) * (Vector512.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var inverses = Vector256.Create(single);
                for (; i <= values.Length - Vector256<float>.Count; i += Vector256<float>.Count)
                {
                    (Vector256.LoadUnsafe(ref value, (nuint)i) * (Vector256.LoadUnsafe(ref factor, (nuint)i) * inverses)).StoreUnsafe(ref value, (nuint)i);
                }
            }

            for (; i < values.Length; i++)
            {
                Unsafe.Add(ref value, i) *= Unsafe.Add(ref factor, i) * single;
            }
        }
    }

    /// <summary><c>values[i] *= factor</c>, in the output's precision.</summary>
    public static void Scale<T>(Span<T> values, double factor)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            var doubles = MemoryMarshal.Cast<T, double>(values);
            TensorPrimitives.Multiply(doubles, factor, doubles);
        }
        else
        {
            var singles = MemoryMarshal.Cast<T, float>(values);
            TensorPrimitives.Multiply(singles, (float)factor, singles);
        }
    }

    /// <summary>Raises every element below <paramref name="floor"/> to it (an exact floor after a kernel that may round an ulp under).</summary>
    public static void RaiseTo<T>(Span<T> values, double floor)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            var doubles = MemoryMarshal.Cast<T, double>(values);
            TensorPrimitives.Max(doubles, floor, doubles);
        }
        else
        {
            var singles = MemoryMarshal.Cast<T, float>(values);
            TensorPrimitives.Max(singles, (float)floor, singles);
        }
    }

    /// <summary>Every element the same value.</summary>
    public static void Constant<T>(Span<T> destination, double value)
        where T : unmanaged => destination.Fill(Lanes.From<T>(value));
}
