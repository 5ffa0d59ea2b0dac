using System.Globalization;
using System.Text;

namespace Schedulers.Cli;

/// <summary>
/// Counts images × repeats in a Kohya data-set folder exactly as the GUI's <c>train_model</c> does before it computes
/// <c>max_train_steps</c>: each sub-folder whose name before the first <c>_</c> is a Python <c>int()</c> (<c>10_dog</c>,
/// but also a bare <c>10</c>) contributes that many repeats of the entries in it whose lower-cased name ends with
/// <c>.jpg</c>, <c>.jpeg</c>, <c>.png</c> or <c>.webp</c> (not recursively; the GUI lists every entry, so a folder named
/// <c>x.png</c> counts too). Other sub-folders are skipped, as the GUI skips them.
/// </summary>
internal static class KohyaImageFolders
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    /// <summary>The GUI's <c>total_steps</c> for <paramref name="directory"/>, and a line describing how it was counted.</summary>
    public static (long ImagesTimesRepeats, string Description) Count(DirectoryInfo directory)
    {
        if (!directory.Exists)
        {
            throw new UsageException($"--dataset-dir {directory}: no such folder.");
        }

        var parts = new List<string>();
        var skipped = new List<string>();
        long total = 0;
        try
        {
            foreach (var folder in directory.EnumerateDirectories().OrderBy(folder => folder.Name, StringComparer.Ordinal))
            {
                if (!TryParsePythonInt(folder.Name.Split('_')[0], out var repeats))
                {
                    skipped.Add(folder.Name);
                    continue;
                }

                if (repeats < 0)
                {
                    throw new UsageException($"--dataset-dir {directory}: folder '{folder.Name}' gives {repeats} repeats; the GUI would count negative steps.");
                }

                long images = folder.EnumerateFileSystemInfos().Count(entry => Extensions.Any(extension => entry.Name.ToLowerInvariant().EndsWith(extension, StringComparison.Ordinal)));
                total = checked(total + checked(repeats * images));
                parts.Add($"{folder.Name}: {images} × {repeats}");
            }
        }
        catch (OverflowException)
        {
            throw new UsageException($"--dataset-dir {directory}: images × repeats is beyond 2^63.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new UsageException($"--dataset-dir {directory} cannot be read: {exception.Message}");
        }

        var description = new StringBuilder($"--dataset-dir {directory.FullName} ({(parts.Count == 0 ? "no N_name folders" : string.Join(", ", parts))}");
        if (skipped.Count > 0)
        {
            description.Append(CultureInfo.InvariantCulture, $"; skipped as the GUI skips them, no repeat count before '_': {string.Join(", ", skipped)}");
        }

        return (total, description.Append(')').ToString());
    }

    /// <summary>Python's <c>int(text)</c>: surrounding whitespace, a sign, decimal digits with single underscores between them.</summary>
    public static bool TryParsePythonInt(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0 || span[0] == '_' || span[^1] == '_')
        {
            return false;
        }

        try
        {
            for (var i = 0; i < span.Length; i++)
            {
                if (span[i] == '_' && span[i - 1] != '_')
                {
                    continue;
                }

                var digit = CharUnicodeInfo.GetDecimalDigitValue(span[i]);
                if (digit < 0)
                {
                    return false;
                }

                value = checked((value * 10) + digit);
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }
}
