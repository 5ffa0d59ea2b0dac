using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Schedulers.Tests.Evaluation;

/// <summary>
/// Which vector width the kernels take in this test process. Run under one of the runtime's switches (as
/// tests/run-vector-widths.sh runs the evaluation tests), it proves the switch took effect: a run with AVX2 off
/// exercised the 128-bit paths, not the scalar ones, and a run with hardware intrinsics off the scalar ones. Without a
/// switch it only reports the width, which is the machine's.
/// </summary>
public sealed class VectorWidthInForceTests(ITestOutputHelper output)
{
    [Fact]
    public void The_kernels_take_the_width_the_runtime_switches_leave()
    {
        output.WriteLine($"Kernels.Width = {Kernels.Width} on {RuntimeInformation.ProcessArchitecture}");
        var x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
        if (Switch("DOTNET_EnableHWIntrinsic"))
        {
            Kernels.Width.Should().Be(0, "DOTNET_EnableHWIntrinsic=0 leaves only scalar code");
        }
        else if (Switch("DOTNET_EnableAVX2") && x64)
        {
            Kernels.Width.Should().Be(128, "DOTNET_EnableAVX2=0 leaves SSE's 128-bit vectors");
        }
        else if (Switch("DOTNET_EnableAVX512") && x64)
        {
            Kernels.Width.Should().BeInRange(128, 256, "DOTNET_EnableAVX512=0 leaves at most AVX2's 256-bit vectors");
        }
        else
        {
            Kernels.Width.Should().BeOneOf(0, 128, 256, 512);
        }
    }

    private static bool Switch(string variable) => Environment.GetEnvironmentVariable(variable) == "0";
}
