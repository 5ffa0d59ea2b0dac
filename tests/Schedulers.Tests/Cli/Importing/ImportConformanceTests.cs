using System.Globalization;
using System.Text.Json;
using Schedulers.Tests.Conformance;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// Every reference configuration that sd-scripts or the Trainer can express, written in their vocabulary and imported,
/// must give the reference curve produced by the real transformers / diffusers / PyTorch code.
/// </summary>
public sealed class ImportConformanceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> KohyaCaseIds() => Ids(ForeignConfigurations.KohyaToml);

    public static TheoryData<string> HuggingFaceCaseIds() => Ids(ForeignConfigurations.TrainingArguments);

    [Theory]
    [MemberData(nameof(KohyaCaseIds))]
    public void An_sd_scripts_toml_of_a_reference_configuration_gives_the_reference_curve(string id)
    {
        var entry = ReferenceCurves.Case(id);
        var file = Write(ForeignConfigurations.KohyaToml(entry.GetProperty("config"))!, ".toml");

        AssertCurve(entry, CliRun.Of("curve", "--config", file, "--from", "kohya", "--format", "csv", "--steps", Length(entry)));
    }

    [Theory]
    [MemberData(nameof(HuggingFaceCaseIds))]
    public void A_training_arguments_json_of_a_reference_configuration_gives_the_reference_curve(string id)
    {
        var entry = ReferenceCurves.Case(id);
        var file = Write(ForeignConfigurations.TrainingArguments(entry.GetProperty("config"))!, ".json");

        AssertCurve(entry, CliRun.Of("curve", "--config", file, "--from", "hf", "--format", "csv", "--steps", Length(entry)));
    }

    [Fact]
    public void Most_reference_configurations_can_be_written_for_sd_scripts()
    {
        // sd-scripts names Hugging Face schedules and torch.optim.lr_scheduler classes, and steps once per optimizer step.
        var writable = ReferenceCurves.Cases.Count(entry => SchedulerCatalog.Find(ReferenceCurves.SchedulerOf(entry))?.Family is SchedulerFamily.HuggingFace or SchedulerFamily.PyTorch
            && !entry.GetProperty("config").TryGetProperty("steps_per_epoch", out _));
        KohyaCaseIds().Count.Should().BeGreaterThan(writable * 3 / 4);
    }

    private static TheoryData<string> Ids(Func<JsonElement, string?> write)
    {
        var ids = new TheoryData<string>();
        foreach (var entry in ReferenceCurves.Cases.Where(entry => write(entry.GetProperty("config")) is not null))
        {
            ids.Add(entry.GetProperty("id").GetString()!);
        }

        return ids;
    }

    private static string Length(JsonElement entry) => entry.GetProperty("lr").GetArrayLength().ToString(CultureInfo.InvariantCulture);

    private static void AssertCurve(JsonElement entry, CliRun run)
    {
        run.Error.Should().NotContain("error:");
        run.ExitCode.Should().Be(0);
        var reference = entry.GetProperty("lr").EnumerateArray().Select(value => value.GetDouble()).ToArray();
        var learningRate = ReferenceCurves.LearningRateOf(entry);
        var values = run.Lines.Skip(1).Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        values.Should().HaveCount(reference.Length);
        for (var step = 0; step < reference.Length; step++)
        {
            values[step].Should().BeApproximately(reference[step], ReferenceCurves.Tolerance(reference[step], learningRate), "step {0}", step);
        }
    }

    private string Write(string text, string extension)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }
}
