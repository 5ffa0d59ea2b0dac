using System.CommandLine;

namespace Schedulers.Cli;

/// <summary><c>--output FILE</c>: text goes to a file, written atomically, instead of standard output.</summary>
internal sealed class OutputOption
{
    private readonly Option<FileInfo> _output = new("--output", "-o")
    {
        Description = "Write to FILE (all at once: nothing is left behind on failure) instead of standard output.",
        HelpName = "FILE",
    };

    public void AddTo(Command command) => command.Options.Add(_output);

    public void Write(ParseResult parseResult, TextWriter standardOutput, Action<TextWriter> write)
    {
        if (parseResult.GetValue(_output) is { } file)
        {
            AtomicFile.WriteText(file.FullName, write);
        }
        else
        {
            write(standardOutput);
        }
    }
}
