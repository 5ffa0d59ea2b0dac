namespace Schedulers.Cli;

/// <summary>The CSV columns a user named with <c>--step-column</c> / <c>--lr-column</c>; null where the header names decide.</summary>
internal sealed record LogColumns(string? Step, string? Rate)
{
    public static LogColumns FromHeaders { get; } = new(null, null);
}
