using System.Text;

namespace Schedulers.Cli;

/// <summary>
/// Reads <c>check</c>'s <c>--log</c>, told apart by content whatever its extension: a JSON object is a Hugging Face
/// <c>trainer_state.json</c>, a JSON array is TensorBoard's JSON download (<c>[[wall_time, step, value], ...]</c>), anything
/// else is CSV with a header row (TensorBoard's or W&amp;B's CSV export).
/// </summary>
internal static class LogFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RunLog Read(FileInfo file, LogColumns columns)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName, StrictUtf8);
        }
        catch (DecoderFallbackException exception)
        {
            throw new UsageException($"--log {file} is not valid UTF-8 text: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --log {file}: {exception.Message}");
        }

        GitLfsPointer.ThrowIfPointer(text, $"--log {file.Name}");
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty)
        {
            throw new UsageException($"--log {file.Name} is empty: give a trainer_state.json or a CSV with step and learning-rate columns.");
        }

        var log = start[0] switch
        {
            '{' => TrainerStateLog.Read(text, file.Name),
            '[' => TensorBoardJsonLog.Read(text, file.Name),
            _ => CsvLog.Read(text, file.Name, columns),
        };
        return log.Rates.IsEmpty
            ? throw new UsageException($"--log {file.Name} holds no learning rate ({log.Kind}: {log.Description}).")
            : log with { Name = file.Name };
    }
}
