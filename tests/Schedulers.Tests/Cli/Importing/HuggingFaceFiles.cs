using System.Text.Json;

namespace Schedulers.Tests.Cli.Importing;

/// <summary>TrainingArguments files of the tests' own writing in a temporary folder, and their import through the command line.</summary>
internal sealed class HuggingFaceFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-hf-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Writes <paramref name="text"/> to a new file with the given extension and returns its path.</summary>
    public string Write(string text, string extension = ".json")
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary><c>schedulers convert --from hf</c> of the text with the options given; the run must succeed.</summary>
    public JsonElement Convert(string text, string extension, out string error, params string[] options)
    {
        var run = CliRun.Of(["convert", "--config", Write(text, extension), "--from", "hf", .. options]);
        run.ExitCode.Should().Be(0, run.Error);
        error = run.Error;
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    /// <summary><c>schedulers validate --from hf</c> of the text with the options given.</summary>
    public CliRun Validate(string text, string extension = ".json", params string[] options) =>
        CliRun.Of(["validate", "--config", Write(text, extension), "--from", "hf", .. options]);
}
