namespace Schedulers.Tests.Cli.Importing;

/// <summary>
/// Git LFS pointers given in place of the files they stand for: refused with exit 2 for what they are, whatever the
/// file's name or the format asked for, rather than read as a CSV or a YAML file that is broken.
/// </summary>
public sealed class GitLfsPointerTests : IDisposable
{
    private const string Pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-lfs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("json", "config.json")]
    [InlineData("hf", "training_args.yaml")]
    [InlineData("hf", "training_args.json")]
    [InlineData("kohya", "config.toml")]
    [InlineData("timm", "args.yaml")]
    public void A_pointer_as_the_configuration_is_refused_as_a_pointer(string source, string name)
    {
        var run = CliRun.Of("validate", "--config", Write(name, Pointer), "--from", source);

        Refused(run, $"--config {name} is a Git LFS pointer (oid sha256:4d7a2146");
    }

    [Theory]
    [InlineData("trainer_state.json")]
    [InlineData("lr.csv")]
    public void A_pointer_as_the_log_is_refused_as_a_pointer(string name)
    {
        var run = CliRun.Of("check", "--config", Write("config.json", """{"scheduler": "constant", "learning_rate": 1e-4}"""), "--log", Write(name, Pointer));

        Refused(run, $"--log {name} is a Git LFS pointer (oid sha256:4d7a2146");
    }

    [Fact]
    public void The_refusal_says_how_to_get_the_file_and_its_size()
    {
        var run = CliRun.Of("check", "--config", Write("training_args.yaml", Pointer), "--from", "hf", "--log", Write("trainer_state.json", Pointer));

        Refused(run, "size 12345 bytes), not the file itself: run 'git lfs pull'");
    }

    [Fact]
    public void A_configuration_that_only_mentions_git_lfs_is_read()
    {
        var run = CliRun.Of("validate", "--config", Write("training_args.yaml", "# version https://git-lfs.github.com/spec/v1\nlearning_rate: 1.0e-04\nmax_steps: 100\n"), "--from", "hf");

        run.ExitCode.Should().Be(0, run.Error);
    }

    private static void Refused(CliRun run, string message)
    {
        run.ExitCode.Should().Be(2, run.Output);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(message).And.NotContain("   at ");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
