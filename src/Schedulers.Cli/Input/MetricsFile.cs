using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// Logged validation metrics, one number per line (blank lines and surrounding spaces are allowed, as a log's trailing
/// newline is). Every line that is not a finite number is refused with its line number, all at once.
/// </summary>
internal static class MetricsFile
{
    public static IReadOnlyList<double> Read(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new UsageException($"--metrics: {file.FullName} does not exist.");
        }

        var metrics = new List<double>();
        var problems = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(file.FullName))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var metric) || !double.IsFinite(metric))
            {
                problems.Add($"--metrics: line {number} of {file.Name} is '{(text.Length > 40 ? text[..40] + "..." : text)}', not a finite number (one metric per line, such as 0.4213).");
                continue;
            }

            metrics.Add(metric);
        }

        if (metrics.Count == 0 && problems.Count == 0)
        {
            problems.Add($"--metrics: {file.Name} holds no metric; write one number per line.");
        }

        UsageException.ThrowIfAny(problems);
        return metrics;
    }
}
