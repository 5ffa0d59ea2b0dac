using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

internal static partial class Kernels
{
    /// <summary><c>destination[i] = op(firstStep + i)</c>; float output is computed in single precision (16, 8 or 4 lanes).</summary>
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
            MapSingle<Width256<float>, Vector256<float>, TOperator>(MemoryMarshal.Cast<T, float>(destination), firstStep, op);
            return;
        }

        if (typeof(T) == typeof(float) && Vector128.IsHardwareAccelerated)
        {
            MapSingle<Width128<float>, Vector128<float>, TOperator>(MemoryMarshal.Cast<T, float>(destination), firstStep, op);
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
        else if (Vector256.IsHardwareAccelerated)
        {
            i = MapInDouble<Width256<double>, Vector256<double>, TOperator, T>(ref target, destination.Length, firstStep, op);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            i = MapInDouble<Width128<double>, Vector128<double>, TOperator, T>(ref target, destination.Length, firstStep, op);
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
    /// The whole vectors of <see cref="MapInDouble{TOperator, T}(Span{T}, long, TOperator)"/> at 256 or 128 bits: four
    /// independent step vectors, as with 512 bits, and pairs of results stored together (for float output one store of
    /// the narrowed pair). Returns where the scalar tail starts.
    /// </summary>
    private static int MapInDouble<TWidth, TVector, TOperator, T>(ref T target, int length, long firstStep, TOperator op)
        where TWidth : IVectorWidth<TVector, double>
        where TVector : struct
        where TOperator : struct, IStepOperator
        where T : unmanaged
    {
        var width = TWidth.Count;
        StepVectors<TWidth, TVector, double>(firstStep, out var steps, out var steps1, out var steps2, out var steps3, out var stride4);
        var i = 0;
        for (; i <= length - (4 * width); i += 4 * width)
        {
            TWidth.StorePair(TWidth.Invoke(op, steps), TWidth.Invoke(op, steps1), ref target, (nuint)i);
            TWidth.StorePair(TWidth.Invoke(op, steps2), TWidth.Invoke(op, steps3), ref target, (nuint)(i + (2 * width)));
            Advance<TWidth, TVector, double>(ref steps, ref steps1, ref steps2, ref steps3, stride4);
        }

        var stride = TWidth.Create(width);
        for (; i <= length - width; i += width)
        {
            TWidth.Store(TWidth.Invoke(op, steps), ref target, (nuint)i);
            steps = TWidth.Add(steps, stride);
        }

        return i;
    }

    /// <summary>
    /// The float-output kernel with 256- or 128-bit vectors (machines without AVX-512): eight or four lanes in single
    /// precision, four independent offset vectors per iteration, steps formed as in <see cref="MapSingle{TOperator}(Span{float}, long, TOperator)"/>.
    /// </summary>
    private static void MapSingle<TWidth, TVector, TOperator>(Span<float> destination, long firstStep, TOperator op)
        where TWidth : IVectorWidth<TVector, float>
        where TVector : struct
        where TOperator : struct, IStepOperator
    {
        var width = TWidth.Count;
        const int Segment = 1 << 20;
        ref var target = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        for (var segmentStart = 0; segmentStart < destination.Length; segmentStart += Segment)
        {
            var segmentEnd = (int)Math.Min((long)segmentStart + Segment, destination.Length);
            var origin = TWidth.Create((float)(firstStep + segmentStart));
            StepVectors<TWidth, TVector, float>(0, out var offsets, out var offsets1, out var offsets2, out var offsets3, out var stride);
            i = segmentStart;
            for (; i <= segmentEnd - (4 * width); i += 4 * width)
            {
                TWidth.Store(TWidth.Invoke(op, TWidth.Add(origin, offsets)), ref target, (nuint)i);
                TWidth.Store(TWidth.Invoke(op, TWidth.Add(origin, offsets1)), ref target, (nuint)(i + width));
                TWidth.Store(TWidth.Invoke(op, TWidth.Add(origin, offsets2)), ref target, (nuint)(i + (2 * width)));
                TWidth.Store(TWidth.Invoke(op, TWidth.Add(origin, offsets3)), ref target, (nuint)(i + (3 * width)));
                Advance<TWidth, TVector, float>(ref offsets, ref offsets1, ref offsets2, ref offsets3, stride);
            }

            for (; i < segmentEnd; i++)
            {
                Unsafe.Add(ref target, i) = (float)op.Invoke(firstStep + i);
            }
        }
    }
}
