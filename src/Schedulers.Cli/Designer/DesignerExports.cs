using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// The export formats the command line adds to the designer's own (our JSON, C#, CSV): those that need its mapping
/// tables of other tools.
/// </summary>
internal static class DesignerExports
{
    public static ImmutableArray<IExportFormat> All { get; } = [];
}
