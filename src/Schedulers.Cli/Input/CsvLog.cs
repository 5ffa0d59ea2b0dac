using System.Collections.Immutable;
using Microsoft.VisualBasic.FileIO;

namespace Schedulers.Cli;

/// <summary>
/// A CSV of logged learning rates with a header row: TensorBoard's export (<c>Wall time,Step,Value</c>), a W&amp;B chart
/// or history export, or any file with step and learning-rate columns (<see cref="CsvLogColumns"/> finds them). A row
/// whose rate cell is empty is skipped (W&amp;B leaves a metric's cell empty in the rows another metric logged); every
/// other row needs a step and a finite rate >= 0. Read by the runtime's RFC 4180 reader (<see cref="TextFieldParser"/>:
/// quoted fields, commas and newlines inside quotes), not split by hand.
/// </summary>
internal static class CsvLog
{
    public static RunLog Read(string text, string name, LogColumns columns)
    {
        using var parser = new TextFieldParser(new StringReader(text))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = true,
        };
        parser.SetDelimiters(",");
        try
        {
            return Read(parser, name, columns);
        }
        catch (MalformedLineException exception)
        {
            throw new UsageException($"--log {name} is not valid CSV: line {exception.LineNumber} cannot be read ({exception.Message.TrimEnd('.')}); a quote opened in a field must close it.");
        }
    }

    private static RunLog Read(TextFieldParser parser, string name, LogColumns columns)
    {
        var header = parser.ReadFields() ?? throw new UsageException($"--log {name} has no header row.");
        var (stepColumn, rateColumn) = CsvLogColumns.Find(header, columns, name);
        var problems = new LogProblems();
        var rates = ImmutableArray.CreateBuilder<LoggedRate>();
        var rows = 0;
        while (!parser.EndOfData)
        {
            var line = parser.LineNumber;
            var fields = parser.ReadFields();
            if (fields is null)
            {
                break;
            }

            rows++;
            var where = $"line {line}";
            if (fields.Length != header.Length)
            {
                problems.Add($"--log {name}: {where} has {fields.Length} fields, the header {header.Length}.");
                continue;
            }

            var rate = fields[rateColumn];
            if (rate.Length == 0)
            {
                continue;
            }

            if (!LogValues.TryStep(fields[stepColumn], out var step))
            {
                problems.Add($"--log {name}: {where} has step {LogValues.Quote(fields[stepColumn])} in {LogValues.Quote(header[stepColumn].Trim())}, not a whole number >= 0.");
                continue;
            }

            if (!LogValues.TryRate(rate, out var value))
            {
                problems.Add($"--log {name}: {where} has {LogValues.Quote(rate)} in {LogValues.Quote(header[rateColumn].Trim())}, not a finite learning rate >= 0.");
                continue;
            }

            rates.Add(new LoggedRate(step, value, where));
        }

        problems.ThrowIfAny();
        var skipped = rows - rates.Count;
        var description = $"{rates.Count} learning rates from columns {LogValues.Quote(header[stepColumn].Trim())} and {LogValues.Quote(header[rateColumn].Trim())}"
            + (skipped > 0 ? $" ({skipped} rows without a rate skipped)" : string.Empty);
        return new RunLog([.. rates.OrderBy(rate => rate.Step)], null, "CSV", description);
    }
}
