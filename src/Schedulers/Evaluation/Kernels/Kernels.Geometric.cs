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
                GeometricSingle<Width256<float>, Vector256<float>>(MemoryMarshal.Cast<T, float>(block), table, anchor);
                continue;
            }

            if (typeof(T) == typeof(float) && !Vector256.IsHardwareAccelerated && Vector128.IsHardwareAccelerated && float.IsNormal((float)anchor))
            {
                GeometricSingle<Width128<float>, Vector128<float>>(MemoryMarshal.Cast<T, float>(block), table, anchor);
                continue;
            }

            ref var target = ref MemoryMarshal.GetReference(block);
            ref var powers = ref MemoryMarshal.GetArrayDataReference(table.Powers);
            var i = Vector512.IsHardwareAccelerated ? ScaleTable<Width512<double>, Vector512<double>, double, T>(ref target, ref powers, block.Length, anchor)
                : Vector256.IsHardwareAccelerated ? ScaleTable<Width256<double>, Vector256<double>, double, T>(ref target, ref powers, block.Length, anchor)
                : Vector128.IsHardwareAccelerated ? ScaleTable<Width128<double>, Vector128<double>, double, T>(ref target, ref powers, block.Length, anchor)
                : 0;
            for (; i < block.Length; i++)
            {
                Lanes.Store(anchor * Unsafe.Add(ref powers, i), ref target, i);
            }
        }
    }

    /// <summary>
    /// One block of <see cref="Geometric"/> for float output with 256- or 128-bit vectors: the anchor and the table in
    /// single precision, twice the products per instruction of double products narrowed as they are stored.
    /// </summary>
    private static void GeometricSingle<TWidth, TVector>(Span<float> block, GeometricTable table, double anchor)
        where TWidth : IVectorWidth<TVector, float>
        where TVector : struct
    {
        ref var target = ref MemoryMarshal.GetReference(block);
        ref var powers = ref MemoryMarshal.GetArrayDataReference(table.PowersSingle);
        var single = (float)anchor;
        for (var i = ScaleTable<TWidth, TVector, float, float>(ref target, ref powers, block.Length, anchor); i < block.Length; i++)
        {
            Unsafe.Add(ref target, i) = single * Unsafe.Add(ref powers, i);
        }
    }

    /// <summary><c>target[i] = factor * table[i]</c> over the whole vectors of a block; returns where the scalar tail starts.</summary>
    private static int ScaleTable<TWidth, TVector, TLane, T>(ref T target, ref TLane table, int length, double factor)
        where TWidth : IVectorWidth<TVector, TLane>
        where TVector : struct
        where TLane : unmanaged
        where T : unmanaged
    {
        var factors = TWidth.Create(factor);
        var i = 0;
        for (; i <= length - TWidth.Count; i += TWidth.Count)
        {
            TWidth.Store(TWidth.Multiply(factors, TWidth.Load(ref table, (nuint)i)), ref target, (nuint)i);
        }

        return i;
    }
}
