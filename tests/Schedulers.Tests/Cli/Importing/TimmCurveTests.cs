using System.Globalization;
using static Schedulers.Tests.Cli.Importing.TimmArgs;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// <c>schedulers curve --config args.yaml --from timm</c> against timm's formulas written out here. These need the timm
/// schedulers and <c>steps_per_epoch</c> of issue 16 in the library: they fail until those are merged.
/// </summary>
public sealed class TimmCurveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-timm-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_cosine_run_stepped_per_epoch_holds_each_epoch_s_value_for_its_optimizer_steps()
    {
        var yaml = Yaml(("lr", "0.1"), ("epochs", "10"), ("warmup_epochs", "2"), ("warmup_lr", "0.001"), ("min_lr", "0.01"));

        var values = Curve(yaml, "--batches-per-epoch", "3", "--steps", "36");

        for (var step = 0; step < 36; step++)
        {
            var epoch = step / 3;
            var expected = epoch < 2 ? 0.001 + (epoch * ((0.1 - 0.001) / 2))
                : epoch < 10 ? 0.01 + (0.5 * (0.1 - 0.01) * (1 + Math.Cos(Math.PI * epoch / 10)))
                : 0.01;
            values[step].Should().BeApproximately(expected, 1e-15, "step {0} is in epoch {1}", step, epoch);
        }
    }

    [Fact]
    public void A_step_run_stepped_on_updates_decays_every_decay_epochs_times_the_updates_per_epoch()
    {
        var yaml = Yaml(("sched", "step"), ("lr", "0.1"), ("epochs", "6"), ("warmup_epochs", "0"), ("decay_epochs", "2"), ("decay_rate", "0.5"), ("sched_on_updates", "true"));

        var values = Curve(yaml, "--batches-per-epoch", "5", "--steps", "30");

        values.Select((value, step) => (value, step)).Should().OnlyContain(pair => pair.value == 0.1 * Math.Pow(0.5, pair.step / 10));
    }

    private double[] Curve(string yaml, params string[] options)
    {
        var path = Path.Combine(_folder, "args.yaml");
        File.WriteAllText(path, yaml);
        var run = CliRun.Of(["curve", "--config", path, "--from", "timm", .. options]);
        run.ExitCode.Should().Be(0, run.Error);
        return [.. run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))];
    }
}
