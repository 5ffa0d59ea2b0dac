using System.Runtime.Intrinsics;

namespace Schedulers.Tests.Evaluation;

/// <summary>CyclicLR's vector paths replace PyTorch's division by Markstein's correction; it must round exactly as the division does.</summary>
public sealed class QuotientTests
{
    public static TheoryData<double> Totals
    {
        get
        {
            var powers = new[] { 1, 2, 3, 10, 13, 20, 24, 31 };
            var hardest = powers.SelectMany(power => new[] { Math.Pow(2, power) - 1, Math.Pow(2, power) + 1 }); // all-ones significands
            var ordinary = new double[] { 3, 7, 10, 53, 4000, 5000, 123_457, 9_999_991 };
            var data = new TheoryData<double>();
            foreach (var total in hardest.Concat(ordinary).Distinct())
            {
                data.Add(total);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Totals))]
    public void The_corrected_product_rounds_exactly_as_the_division(double total)
    {
        var random = new Random((int)total);
        var reciprocal = 1.0 / total;
        for (var n = 0; n < 20_000; n++)
        {
            var steps = Enumerable.Range(0, 8).Select(_ => (double)(n < 1_000 ? n * 8 + _ : random.NextInt64(0, 1L << (n % 2 == 0 ? 40 : 53)))).ToArray();
            var wide = Quotient.Of(Vector512.Create(steps), total, reciprocal);
            var narrow = Quotient.Of(Vector256.Create(steps[..4]), total, reciprocal);
            for (var lane = 0; lane < 8; lane++)
            {
                wide[lane].Should().Be(steps[lane] / total, "step {0}", steps[lane]);
            }

            for (var lane = 0; lane < 4; lane++)
            {
                narrow[lane].Should().Be(steps[lane] / total, "step {0}", steps[lane]);
            }
        }
    }
}
