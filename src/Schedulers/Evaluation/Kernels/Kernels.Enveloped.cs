using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

internal static partial class Kernels
{
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
                i = Enveloped<Width256<double>, Vector256<double>, TSide, T>(ref target, ref powers, block.Length, origin, side, anchor, scale);
            }
            else if (Vector128.IsHardwareAccelerated)
            {
                i = Enveloped<Width128<double>, Vector128<double>, TSide, T>(ref target, ref powers, block.Length, origin, side, anchor, scale);
            }

            for (; i < block.Length; i++)
            {
                Lanes.Store(Math.FusedMultiplyAdd(anchor * Unsafe.Add(ref powers, i), side.Invoke(origin + i), scale), ref target, i);
            }
        }
    }

    /// <summary>
    /// The whole vectors of one block of <see cref="Enveloped{TSide, T}"/> at 256 or 128 bits: four independent step
    /// vectors, as in <see cref="MapInDouble{TOperator, T}(Span{T}, long, TOperator)"/>, and pairs of results stored
    /// together. Returns where the scalar tail starts.
    /// </summary>
    private static int Enveloped<TWidth, TVector, TSide, T>(ref T target, ref double powers, int length, long origin, TSide side, double anchor, double scale)
        where TWidth : IVectorWidth<TVector, double>
        where TVector : struct
        where TSide : struct, IStepOperator
        where T : unmanaged
    {
        var width = TWidth.Count;
        StepVectors<TWidth, TVector, double>(origin, out var steps, out var steps1, out var steps2, out var steps3, out var stride4);
        var anchors = TWidth.Create(anchor);
        var scales = TWidth.Create(scale);
        var i = 0;
        for (; i <= length - (4 * width); i += 4 * width)
        {
            var index = (nuint)i;
            var value = TWidth.FusedMultiplyAdd(TWidth.Multiply(anchors, TWidth.Load(ref powers, index)), TWidth.Invoke(side, steps), scales);
            var value1 = TWidth.FusedMultiplyAdd(TWidth.Multiply(anchors, TWidth.Load(ref powers, index + (nuint)width)), TWidth.Invoke(side, steps1), scales);
            var value2 = TWidth.FusedMultiplyAdd(TWidth.Multiply(anchors, TWidth.Load(ref powers, index + (nuint)(2 * width))), TWidth.Invoke(side, steps2), scales);
            var value3 = TWidth.FusedMultiplyAdd(TWidth.Multiply(anchors, TWidth.Load(ref powers, index + (nuint)(3 * width))), TWidth.Invoke(side, steps3), scales);
            TWidth.StorePair(value, value1, ref target, index);
            TWidth.StorePair(value2, value3, ref target, index + (nuint)(2 * width));
            Advance<TWidth, TVector, double>(ref steps, ref steps1, ref steps2, ref steps3, stride4);
        }

        var stride = TWidth.Create(width);
        for (; i <= length - width; i += width)
        {
            var heights = TWidth.Multiply(anchors, TWidth.Load(ref powers, (nuint)i));
            TWidth.Store(TWidth.FusedMultiplyAdd(heights, TWidth.Invoke(side, steps), scales), ref target, (nuint)i);
            steps = TWidth.Add(steps, stride);
        }

        return i;
    }
}
