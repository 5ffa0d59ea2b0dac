using System.Collections.Immutable;
using System.Net;

namespace Schedulers.Designer;

/// <summary>How a <see cref="DesignerServer"/> listens and what it offers. Safe by default: loopback only, small bodies.</summary>
/// <param name="CatalogJson">The catalog the form is built from: the JSON that <c>schedulers describe --format json</c> prints.</param>
public sealed record DesignerSettings(string CatalogJson)
{
    /// <summary>Gets the address to listen on; loopback unless a person asked otherwise.</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>Gets the port; 0 takes a free one (the server reports which).</summary>
    public int Port { get; init; }

    /// <summary>Gets the kinds of file the page imports, in the order it lists them.</summary>
    public ImmutableArray<IImportSource> ImportSources { get; init; } = [];

    /// <summary>
    /// Gets what tells an imported text's kind from its content (the import source <c>auto</c>): the one kind it
    /// unambiguously is, or <see langword="null"/> when the content does not tell. Without it, <c>auto</c> is refused.
    /// </summary>
    public Func<string, ImportGuess?>? DetectImport { get; init; }

    /// <summary>Gets the export formats besides the built-in ones (our JSON, C# code, CSV), in the order the page lists them.</summary>
    public ImmutableArray<IExportFormat> ExportFormats { get; init; } = [];

    /// <summary>Gets the largest request body accepted, in bytes: a configuration or an imported file is a few kilobytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1 << 20;

    /// <summary>Gets the widest curve drawn, in pixel columns: what bounds a curve request's cost, whatever its steps.</summary>
    public int MaxColumns { get; init; } = 4_096;

    /// <summary>Gets the most configurations one curve request may overlay.</summary>
    public int MaxCurves { get; init; } = 8;

    /// <summary>Gets whether the server listens on a loopback address only, so that only this machine reaches it.</summary>
    public bool IsLoopback => IPAddress.IsLoopback(Host);
}
