using System.CommandLine;

namespace Schedulers.Cli;

/// <summary><c>--plot FILE</c> and <c>--log-y</c>, shared by <c>curve</c> and <c>compare</c>.</summary>
internal sealed class PlotOptions
{
    private readonly Option<FileInfo> _plot = new("--plot")
    {
        Description = "Draw the curve(s) to FILE.png or FILE.svg instead of printing them.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _logY = new("--log-y")
    {
        Description = "With --plot: a logarithmic learning-rate axis.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_plot);
        command.Options.Add(_logY);
    }

    public string? File(ParseResult parseResult) => parseResult.GetValue(_plot)?.ToString();

    public bool LogY(ParseResult parseResult)
    {
        var logY = parseResult.GetValue(_logY);
        return !logY || parseResult.GetValue(_plot) is not null ? logY : throw new UsageException("--log-y applies to a plot: give --plot FILE.png too.");
    }
}
