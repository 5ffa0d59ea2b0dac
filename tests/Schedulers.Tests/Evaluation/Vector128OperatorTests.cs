using System.Runtime.Intrinsics;

namespace Schedulers.Tests.Evaluation;

/// <summary>
/// The step operators' 128-bit paths against their 256-bit ones on the same steps. Where the hardware fuses
/// multiply-adds (x64 with FMA, ARM64) the operations are the same and so are the results, bit for bit; on x64 with SSE
/// alone (a run under DOTNET_EnableAVX2=0) a product and a sum replace each FMA, one more rounding per operation, which
/// a power of 8 amplifies to about 1e-15: within the contract (1e-14, 1e-6 in float, of the scale, here at most 1).
/// </summary>
public sealed class Vector128OperatorTests
{
    [Fact]
    public void Affine_cubic_power_one_minus_sqrt_and_cyclic_operators_agree_with_their_256_bit_paths()
    {
        var random = new Random(128);
        for (var n = 0; n < 200; n++)
        {
            var total = random.Next(2, 10_000);
            var side = new CyclicSide(total, random.NextDouble() * 0.9 + 0.05);
            Check(new AffineOperator(random.NextDouble(), random.NextDouble() * 1e-6), random);
            Check(new CubicOperator(random.NextDouble(), random.NextDouble() * 1e-4, random.NextDouble() * 1e-9, random.NextDouble() * 1e-14), random);
            Check(new IntegerPowerOperator(2e6, random.Next(1, 9), random.NextDouble(), 1e-6), random);
            Check(new OneMinusSqrtOperator(2e6, random.Next(2) == 0, random.NextDouble() * 0.5, 1.0), random);
            Check(side, random);
            Check(new CyclicRun(total, random.Next(0, 100)), random);
            Check(new TriangleOperator<CyclicSide>(side, 1e-3, 1e-4), random);
            Check(new CyclicRunForSingle(total, random.Next(0, 100)), random);
        }
    }

    private static void Check<TOperator>(TOperator op, Random random)
        where TOperator : struct, IStepOperator
    {
        var first = (double)random.NextInt64(0, 1_000_000);
        var steps256 = Vector256.Create(first, first + 1, first + 2, first + 3);
        var wide = op.Invoke(steps256);
        var lower = op.Invoke(steps256.GetLower());
        var upper = op.Invoke(steps256.GetUpper());
        var singles = op.Invoke(Vector256.Create((float)first) + Vector256<float>.Indices);
        var singles128 = op.Invoke(Vector128.Create((float)first) + Vector128<float>.Indices);
        for (var i = 0; i < 4; i++)
        {
            var narrow = i < 2 ? lower[i] : upper[i - 2];
            if (Fused128.IsFused)
            {
                narrow.Should().Be(wide[i], "{0} at step {1}", typeof(TOperator).Name, first + i);
                singles128[i].Should().Be(singles[i], "{0} in single precision at step {1}", typeof(TOperator).Name, first + i);
            }
            else
            {
                narrow.Should().BeApproximately(wide[i], 1e-14 * Math.Max(1, Math.Abs(wide[i])), "{0} at step {1}", typeof(TOperator).Name, first + i);
                singles128[i].Should().BeApproximately(singles[i], 1e-6f * Math.Max(1, Math.Abs(singles[i])), "{0} in single precision at step {1}", typeof(TOperator).Name, first + i);
            }
        }
    }
}
