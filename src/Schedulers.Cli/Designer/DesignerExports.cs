using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// The export formats the command line adds to the designer's own (our JSON, C#, CSV): those that need its mapping
/// tables of other tools. Each reads the tables backwards; the tool formats are checked by reading the export back.
/// </summary>
internal static class DesignerExports
{
    public static ImmutableArray<IExportFormat> All { get; } =
        [new KohyaExport(arguments: false), new KohyaExport(arguments: true), new HuggingFaceExport(), new PyTorchExport()];
}
