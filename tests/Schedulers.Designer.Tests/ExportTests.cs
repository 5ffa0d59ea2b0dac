using Schedulers.Cli;

namespace Schedulers.Designer.Tests;

/// <summary>The export formats: each tool format reads back, through our importer of that tool, as the same schedule.</summary>
public sealed class ExportTests
{
    private static IExportFormat Format(string name) => DesignerExports.All.Single(format => format.Name == name);

    [Theory]
    [InlineData("""{"scheduler": "cosine_with_restarts", "learning_rate": 0.0001, "total_steps": 2000, "warmup_steps": 100, "num_cycles": 3}""")]
    [InlineData("""{"scheduler": "cosine_with_min_lr", "learning_rate": 0.0003, "total_steps": 5000, "warmup_steps": 250, "min_lr_ratio": 0.1}""")]
    [InlineData("""{"scheduler": "warmup_stable_decay", "learning_rate": 0.001, "total_steps": 1000, "warmup_steps": 100, "decay_steps": 200, "decay_type": "linear"}""")]
    [InlineData("""{"scheduler": "StepLR", "learning_rate": 0.1, "step_size": 30, "gamma": 0.5, "total_steps": 100}""")]
    [InlineData("""{"scheduler": "MultiStepLR", "learning_rate": 0.1, "milestones": [30, 80], "total_steps": 100}""")]
    public void sd_scripts_TOML_and_arguments_read_back_as_the_same_schedule(string json)
    {
        var options = ScheduleOptions.FromJson(json);
        var expected = LearningRateSchedule.Create(options);

        ShouldMatch(KohyaImport.FromToml(Format("kohya").Export(options), 1).CreateSchedule(), expected);
        ShouldMatch(KohyaImport.FromArguments(DesignerImports.Arguments(Format("kohya-args").Export(options)), 1).CreateSchedule(), expected);
    }

    [Fact]
    public void A_scheduler_sd_scripts_does_not_build_is_refused_with_the_reason()
    {
        var action = () => Format("kohya").Export(ScheduleOptions.FromJson("""{"scheduler": "interpolated", "learning_rate": 0.1, "points": [[0, 1], [10, 0]]}"""));

        action.Should().Throw<DesignerInputException>().Which.Message.Should().StartWith("sd-scripts has no interpolated schedule");
    }

    [Theory]
    [InlineData("""{"scheduler": "cosine", "learning_rate": 2e-5, "total_steps": 1000, "warmup_steps": 100, "num_cycles": 0.5}""")]
    [InlineData("""{"scheduler": "polynomial", "learning_rate": 2e-5, "total_steps": 1000, "power": 2, "lr_end": 1e-7}""")]
    public void Hugging_Face_keys_read_back_as_the_same_schedule(string json)
    {
        var options = ScheduleOptions.FromJson(json);

        var exported = Format("hf").Export(options);

        ShouldMatch(HuggingFaceImport.Read(exported, HuggingFaceRunFacts.None).CreateSchedule(), LearningRateSchedule.Create(options));
    }

    /// <summary>Every step of the training and a few beyond, value for value.</summary>
    private static void ShouldMatch(LearningRateSchedule actual, LearningRateSchedule expected)
    {
        actual.TotalSteps.Should().Be(expected.TotalSteps);
        var (a, b) = (new double[expected.TotalSteps!.Value + 10], new double[expected.TotalSteps!.Value + 10]);
        actual.Evaluate(0, a);
        expected.Evaluate(0, b);
        a.Should().Equal(b);
    }

    [Theory]
    [InlineData("""{"scheduler": "StepLR", "learning_rate": 0.1, "step_size": 30, "gamma": 0.5, "total_steps": 100}""", "scheduler = StepLR(optimizer, step_size=30, gamma=0.5)")]
    [InlineData("""{"scheduler": "OneCycleLR", "learning_rate": 0.1, "max_lr": 0.1, "total_steps": 100, "three_phase": true}""", "scheduler = OneCycleLR(optimizer, max_lr=0.1, total_steps=100, three_phase=True)")]
    [InlineData("""{"scheduler": "cosine", "learning_rate": 2e-5, "total_steps": 1000, "warmup_steps": 100, "num_cycles": 0.5}""", "scheduler = get_scheduler('cosine', optimizer, num_training_steps=1000, num_warmup_steps=100, scheduler_specific_kwargs={'num_cycles': 0.5})")]
    [InlineData("""{"scheduler": "SequentialLR", "learning_rate": 0.1, "milestones": [5], "schedulers": [{"scheduler": "LinearLR", "start_factor": 0.1, "total_iters": 5}, {"scheduler": "ExponentialLR", "gamma": 0.9}]}""", "scheduler = SequentialLR(optimizer, milestones=[5], schedulers=[LinearLR(optimizer, start_factor=0.1, total_iters=5), ExponentialLR(optimizer, gamma=0.9)])")]
    public void PyTorch_code_uses_the_native_class(string json, string line)
    {
        var code = Format("pytorch").Export(ScheduleOptions.FromJson(json));

        code.Split('\n').Should().Contain(line);
    }

    [Fact]
    public void Every_configuration_source_of_the_command_line_is_offered_as_an_import()
    {
        var offered = DesignerImports.All.OfType<DesignerImport>().SelectMany(source => source.Sources);

        offered.Should().BeEquivalentTo(Enum.GetValues<ConfigurationSource>(), "a new --from source needs its line in src/Schedulers.Cli/Designer/DesignerImports.cs");
    }
}
