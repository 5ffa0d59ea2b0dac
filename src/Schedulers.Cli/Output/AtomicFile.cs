namespace Schedulers.Cli;

/// <summary>
/// Writes a file all at once or not at all: the content goes to a temporary file beside the target, which replaces the
/// target only when it is complete. A failure leaves the target as it was and no temporary file behind.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<string> writeTo)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"cannot write {path}: the folder {folder} does not exist.");
        }

        // The temporary name keeps the extension, for writers that choose the format by it.
        var temporary = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(target)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(target)}");
        try
        {
            writeTo(temporary);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {exception.Message}");
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Writes text through a writer, atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            write(writer);
        });
}
