using Schedulers.Tests.Support;

namespace Schedulers.Tests.Evaluation;

/// <summary>
/// The 256-bit paths on a machine with AVX-512. On .NET 10, <c>DOTNET_EnableAVX512F=0</c> (which
/// <see cref="VectorWidthTests"/> sets) no longer turns AVX-512 off, so the kernels kept their 512-bit paths there;
/// <c>DOTNET_EnableAVX512=0</c> does turn it off. The check is <see cref="VectorWidthTests"/>' own.
/// </summary>
public sealed class Avx512OffTests
{
    public static TheoryData<string> Schedulers => [.. RandomConfigurations.SchedulerNames];

    [Theory]
    [MemberData(nameof(Schedulers))]
    public void The_curve_agrees_with_the_closed_form_with_AVX512_off(string scheduler) =>
        new VectorWidthTests().The_curve_agrees_with_the_closed_form_with_a_narrower_or_no_vector_unit("DOTNET_EnableAVX512", scheduler);
}
