using System.Collections.Immutable;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// The imports the designer offers: each <see cref="ConfigurationSource"/> (what <c>--from</c> reads), plus sd-scripts
/// arguments pasted as one line. A new <c>--from</c> source adds its line here (a test fails until it does), with the
/// facts its files do not hold as <see cref="ImportFact"/>s, which the page shows as fields.
/// </summary>
internal static class DesignerImports
{
    private static readonly ImportFact NumProcesses = new(
        "num_processes",
        "processes",
        "1",
        "accelerate's number of processes: sd-scripts multiplies max_train_steps by it, and it is not in the file.");

    public static ImmutableArray<IImportSource> All { get; } =
    [
        new DesignerImport("json", "Schedulers JSON", (text, _) => ConfigurationInput.Parse(text, ConfigurationSource.Json, 1)) { Sources = [ConfigurationSource.Json] },
        new DesignerImport("kohya", "sd-scripts TOML or Kohya GUI JSON (Kohya)", (text, fact) => ConfigurationInput.Parse(text, ConfigurationSource.Kohya, Processes(fact)))
        {
            Facts = [NumProcesses],
            Sources = [ConfigurationSource.Kohya],
        },
        new DesignerImport("kohya-args", "sd-scripts arguments (--lr_scheduler ...)", (text, fact) => KohyaImport.FromArguments(Arguments(text), Processes(fact)))
        {
            Facts = [NumProcesses],
        },
        new DesignerImport("hf", "Hugging Face TrainingArguments JSON or YAML", (text, _) => ConfigurationInput.Parse(text, ConfigurationSource.Hf, 1)) { Sources = [ConfigurationSource.Hf] },
        new DesignerImport("timm", "timm args.yaml", (text, _) => ConfigurationInput.Parse(text, ConfigurationSource.Timm, 1)) { Sources = [ConfigurationSource.Timm] },
    ];

    private static long Processes(Func<string, string> fact)
    {
        var text = fact(NumProcesses.Name);
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? ConfigurationInput.CheckedProcesses(value)
            : throw new UsageException($"processes: '{text}' is not a whole number of processes.");
    }

    /// <summary>A pasted command line, split as a POSIX shell would for plain words and quoted ones (no expansions).</summary>
    public static IReadOnlyList<string> Arguments(string text)
    {
        var arguments = new List<string>();
        var current = new System.Text.StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var character in text)
        {
            if (quote is { } open)
            {
                if (character == open)
                {
                    quote = null;
                }
                else
                {
                    current.Append(character);
                }
            }
            else if (character is '"' or '\'')
            {
                quote = character;
                inWord = true;
            }
            else if (char.IsWhiteSpace(character) || character == '\\')
            {
                // A backslash here is a line continuation of a pasted multi-line command.
                if (inWord)
                {
                    arguments.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(character);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new UsageException("the arguments end inside a quoted string.");
        }

        if (inWord)
        {
            arguments.Add(current.ToString());
        }

        // A pasted command often starts with the program: keep only what follows it.
        var first = arguments.FindIndex(argument => argument.StartsWith("--", StringComparison.Ordinal));
        return first < 0 ? arguments : arguments[first..];
    }
}
