namespace Schedulers.Designer;

/// <summary>
/// One format the designer exports a valid configuration to (our JSON, C# code, sd-scripts TOML, ...). Formats that
/// need the command line's mapping tables are supplied by it through <see cref="DesignerSettings.ExportFormats"/>.
/// </summary>
public interface IExportFormat
{
    /// <summary>Gets the name the page sends (<c>json</c>, <c>csharp</c>, ...).</summary>
    string Name { get; }

    /// <summary>Gets what a person reads in the export picker.</summary>
    string Label { get; }

    /// <summary>Gets the file name offered for download.</summary>
    string FileName { get; }

    /// <summary>Writes the configuration, which the library has already validated.</summary>
    /// <param name="options">A configuration the library accepts.</param>
    /// <returns>The text of the exported file.</returns>
    /// <exception cref="DesignerInputException">The format cannot express this configuration; the message says why.</exception>
    string Export(ScheduleOptions options);
}
