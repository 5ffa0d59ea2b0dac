using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

internal static partial class Kernels
{
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
}
