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
}
