using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Schedulers;

internal static partial class Kernels
{
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
}
