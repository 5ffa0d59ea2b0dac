using System.Text;
using Schedulers.Tests.Cli;
using Schedulers.Tests.Support;

namespace Schedulers.Tests.Reliability;

/// <summary>Every input a fuzzer once broke something with, kept so that it stays handled.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> CorpusFiles => [.. Directory.GetFiles(CorpusDirectory, "*.json").Select(path => Path.GetFileName(path)).Order()];

    private static string CorpusDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Schedulers.Tests", "Reliability", "Corpus");

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_corpus_file_is_refused_by_the_library_with_the_configuration_exception(string file)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(CorpusDirectory, file)));

        var build = () => LearningRateSchedule.FromJson(text);

        build.Should().Throw<ScheduleConfigurationException>().Which.Problems.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_corpus_file_makes_curve_exit_2_with_a_message(string file)
    {
        var run = CliRun.Of("curve", "--config", Path.Combine(CorpusDirectory, file), "--steps", "20");

        CommandLineOutcome.Check(run, file).Should().BeFalse("every file in the corpus is broken");
    }

    [Theory]
    [InlineData("{\"scheduler\":9223372036854775808,\"total_steps\":1734,\"p o\uD800wer\":6.5}")]
    [InlineData("{\"scheduler\":\"cosine\",\"learning_rate\":1,\"total_steps\":10,\"x\uDC00\":1}")]
    [InlineData("{\"scheduler\":\"\\ud800\"}")]
    public void A_configuration_with_an_unpaired_surrogate_is_refused_with_the_configuration_exception(string json)
    {
        var build = () => LearningRateSchedule.FromJson(json);

        build.Should().Throw<ScheduleConfigurationException>().Which.Problems.Should().NotBeEmpty();
    }

    [Fact]
    public void A_saved_state_with_an_unpaired_surrogate_is_refused_as_not_valid_JSON()
    {
        var read = () => SchedulerState.FromJson("{\"kind\":\"\\udc00\"}");

        read.Should().Throw<ScheduleConfigurationException>().Which.Message.Should().Contain("not valid JSON");
    }

    [Fact]
    public void Compare_with_an_empty_config_argument_exits_2_with_a_message()
    {
        var other = RepositoryPaths.InRepository("docs", "gallery", "cosine.json");

        var run = CliRun.Of("compare", "--config", "", "--config", other, "--steps", "30");

        CommandLineOutcome.Check(run, "compare --config ''").Should().BeFalse();
        run.Error.Should().Contain("--config needs a file name");
    }
}
