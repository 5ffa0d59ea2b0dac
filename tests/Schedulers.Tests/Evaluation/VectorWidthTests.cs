using System.Diagnostics;
using System.Globalization;
using Schedulers.Tests.Support;

namespace Schedulers.Tests.Evaluation;

/// <summary>
/// The kernels run at whatever vector width the machine offers; these runs of the command line in a child process turn
/// AVX-512 off (256-bit vectors), AVX2 off (the 128-bit paths ARM64 takes, here in their SSE variant: AVX2's switch
/// turns FMA off too) and all hardware intrinsics off (the scalar fallback), as ImageSharp's FeatureTestRunner does, and
/// check the printed curve against the scalar closed form computed here. On .NET 10 AVX-512 is turned off by
/// <c>DOTNET_EnableAVX512=0</c>; <c>DOTNET_EnableAVX512F=0</c> no longer does it. tests/run-vector-widths.sh runs the
/// whole evaluation suite, both precisions, under each switch.
/// </summary>
public sealed class VectorWidthTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var variable in new[] { "DOTNET_EnableAVX512", "DOTNET_EnableAVX2", "DOTNET_EnableHWIntrinsic" })
        {
            foreach (var scheduler in RandomConfigurations.SchedulerNames)
            {
                data.Add(variable, scheduler);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_curve_agrees_with_the_closed_form_with_a_narrower_or_no_vector_unit(string disabledFeature, string scheduler)
    {
        var schedule = RandomConfigurations.Create(scheduler, new Random(scheduler.Length * 31));
        var config = Path.GetTempFileName();
        File.WriteAllText(config, schedule.ToJson());
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Schedulers.Cli.dll"), "curve", "--config", config, "--steps", "2500", "--start", "3" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { [disabledFeature] = "0" },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();

            process.ExitCode.Should().Be(0);
            var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')).ToList();
            rows.Should().HaveCount(2500);
            foreach (var row in rows)
            {
                var step = long.Parse(row[0], CultureInfo.InvariantCulture);
                double.Parse(row[1], CultureInfo.InvariantCulture).Should().BeApproximately(schedule.GetLearningRate(step), 1e-14 * schedule.LearningRate, "step {0}", step);
            }
        }
        finally
        {
            File.Delete(config);
        }
    }
}
