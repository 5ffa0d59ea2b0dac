using System.Collections.Immutable;
using System.Globalization;
using Tomlyn.Model;

namespace Schedulers.Cli;

/// <summary>
/// Reads sd-scripts settings with the types its argument parser gives them: from a TOML file the values keep their TOML
/// types (sd-scripts puts them in its namespace unconverted), from arguments they are text converted as argparse does.
/// A run can have both: arguments given after the config file override its keys (the Kohya GUI's
/// <c>additional_parameters</c>), so each key is read as where it came from. Every problem is collected before anything
/// is refused.
/// </summary>
/// <param name="settings">The settings by sd-scripts' name.</param>
/// <param name="argumentKeys">The keys whose value came from the command line, as text.</param>
internal sealed class KohyaSettings(Dictionary<string, object> settings, IReadOnlySet<string> argumentKeys)
{
    private readonly List<string> _problems = [];

    public void Problem(string message) => _problems.Add(message);

    public void ThrowIfProblems() => UsageException.ThrowIfAny(_problems);

    /// <summary>A <c>type=float</c> setting.</summary>
    public double? Number(string key) => settings.GetValueOrDefault(key) switch
    {
        null => null,
        long whole => whole,
        double number => number,
        string text when argumentKeys.Contains(key) && TryParsePythonFloat(text, out var number) => number,
        var other => Refuse<double?>(key, other, "a number"),
    };

    /// <summary>A <c>type=int</c> setting: Python's <c>int()</c> takes digits only, so <c>1e3</c> and <c>10.0</c> are refused.</summary>
    public long? Integer(string key) => settings.GetValueOrDefault(key) switch
    {
        null => null,
        long whole => whole,
        string text when argumentKeys.Contains(key) && long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
        var other => Refuse<long?>(key, other, "a whole number"),
    };

    /// <summary>A <c>type=str</c> setting.</summary>
    public string? Text(string key) => settings.GetValueOrDefault(key) switch
    {
        null => null,
        string text => text,
        var other => Refuse<string?>(key, other, "a string"),
    };

    /// <summary>
    /// A <c>type=float, nargs="*"</c> setting (<c>text_encoder_lr</c>): a TOML number or array of numbers, or the values
    /// after the argument. <see langword="null"/> when absent; empty when the argument has no value.
    /// </summary>
    public IReadOnlyList<double>? Numbers(string key)
    {
        switch (settings.GetValueOrDefault(key))
        {
            case null:
                return null;
            case long or double:
                return [Number(key)!.Value];
            case TomlArray array when array.All(item => item is long or double):
                return [.. array.Select(item => item is long whole ? whole : (double)item!)];
            case List<string> texts when argumentKeys.Contains(key):
                var numbers = new List<double>();
                foreach (var text in texts)
                {
                    if (TryParsePythonFloat(text, out var number))
                    {
                        numbers.Add(number);
                    }
                    else
                    {
                        Problem($"--{key} {text} is not a float (sd-scripts refuses it).");
                    }
                }

                return numbers;
            case var other:
                return Refuse<IReadOnlyList<double>?>(key, other, "a number or a list of numbers");
        }
    }

    /// <summary>A <c>type=str, nargs="*"</c> setting (<c>network_args</c>): a TOML array of strings, or the values after the argument.</summary>
    public IReadOnlyList<string> Texts(string key) => settings.GetValueOrDefault(key) switch
    {
        null => [],
        List<string> texts => texts,
        TomlArray array when array.All(item => item is string) => [.. array.Cast<string>()],
        var other => Refuse<IReadOnlyList<string>>(key, other, "a list of strings"),
    };

    /// <summary>A <c>store_true</c> flag: a TOML boolean, or the argument given.</summary>
    public bool Flag(string key) => settings.GetValueOrDefault(key) switch
    {
        null => false,
        bool flag => flag,
        var other => Refuse<bool>(key, other, "true or false"),
    };

    /// <summary>A setting read as <paramref name="rule"/> says sd-scripts reads it: a whole number stays one (a refusal names it as written).</summary>
    /// <returns><see langword="null"/> when the setting is absent or refused.</returns>
    public object? Read(ImportRule rule, long totalSteps) => !settings.ContainsKey(rule.Source) ? null : rule.Type switch
    {
        ImportValueType.Steps => Steps(rule.Source, totalSteps),
        ImportValueType.Integer => Integer(rule.Source),
        ImportValueType.Text => Text(rule.Source),
        _ => Number(rule.Source),
    };

    /// <summary>
    /// <c>lr_warmup_steps</c> / <c>lr_decay_steps</c>: an integer is steps; a float below 1 is a share of the training
    /// steps, truncated (<c>int(ratio * N)</c>). From arguments sd-scripts' <c>int_or_float</c> also reads <c>"10%"</c>
    /// as a share and refuses <c>"1.0"</c> or <c>"1.5"</c>. A TOML float of 1 or more would give sd-scripts a warmup of
    /// that many times the training length; it is refused here as a mistake.
    /// </summary>
    public long Steps(string key, long totalSteps)
    {
        switch (settings.GetValueOrDefault(key))
        {
            case null:
                return 0;
            case long whole:
                return whole;
            case double share when share is >= 0 and < 1:
                return (long)(share * totalSteps);
            case double share:
                Problem($"{key} = {Format(share)}: a float is a share of the training steps and must be in [0, 1); write whole steps as an integer.");
                return 0;
            case string text when argumentKeys.Contains(key):
                return ArgumentSteps(key, text, totalSteps);
            case var other:
                return Refuse<long>(key, other, "an integer number of steps or a float share below 1");
        }
    }

    /// <summary>
    /// Where a step count read by <see cref="Steps"/> came from, with sd-scripts' arithmetic when it was a share of the
    /// training steps (<c>int(lr_warmup_steps 0.1 × training steps 300)</c>); the key alone when it was whole steps.
    /// </summary>
    public string StepsOrigin(string key, long totalSteps) => settings.GetValueOrDefault(key) switch
    {
        double share => $"int({key} {Format(share)} × training steps {totalSteps}), a share of the run",
        string text when argumentKeys.Contains(key) && text.TrimEnd().EndsWith('%') => $"int({key} {text.Trim()} × training steps {totalSteps}), a share of the run",
        _ => key,
    };

    /// <summary>
    /// <c>lr_scheduler_args</c>: <c>"key=value"</c> strings, each value read by Python's <c>ast.literal_eval</c>, in the
    /// order written (so that refusals list them in that order on every run; a repeated key keeps its last value, as
    /// sd-scripts' dict does).
    /// </summary>
    public IReadOnlyDictionary<string, ParameterValue> SchedulerArguments()
    {
        IEnumerable<string> items;
        switch (settings.GetValueOrDefault(KohyaMappings.SchedulerArguments.Source))
        {
            case null:
                return new OrderedDictionary<string, ParameterValue>(StringComparer.Ordinal);
            case List<string> list:
                items = list;
                break;
            case TomlArray array when array.All(item => item is string):
                items = array.Cast<string>();
                break;
            case var other:
                return Refuse<IReadOnlyDictionary<string, ParameterValue>>(KohyaMappings.SchedulerArguments.Source, other, "a list of \"key=value\" strings");
        }

        var arguments = new OrderedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var parts = item.Split('=');
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                Problem($"lr_scheduler_args \"{item}\" is not \"key=value\" (sd-scripts splits it at its one '=').");
            }
            else if (PythonLiteral.TryParse(parts[1]) is not { } value)
            {
                Problem($"lr_scheduler_args \"{item}\": '{parts[1]}' is not a Python literal (sd-scripts reads it with ast.literal_eval; quote strings: {parts[0]}='{parts[1]}').");
            }
            else
            {
                arguments[parts[0]] = value;
            }
        }

        return arguments;
    }

    private long ArgumentSteps(string key, string text, long totalSteps)
    {
        if (text.EndsWith('%'))
        {
            if (TryParsePythonFloat(text[..^1], out var percent) && double.IsFinite(percent) && percent >= 0)
            {
                var share = percent / 100.0;
                return (long)(share * totalSteps);
            }

            Problem($"--{key} {text} is not a valid percentage (sd-scripts refuses it).");
            return 0;
        }

        if (!TryParsePythonFloat(text, out var number) || !double.IsFinite(number))
        {
            Problem($"--{key} {text} is not an int or float (sd-scripts refuses it).");
            return 0;
        }

        if (number >= 1)
        {
            // sd-scripts reads a value >= 1 with int(), which refuses "1.0", "1.5" and "1e3".
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                return whole;
            }

            Problem($"--{key} {text}: sd-scripts reads a value of 1 or more as a whole number of steps and refuses '{text}'; a share must be below 1.");
            return 0;
        }

        if (number < 0)
        {
            Problem($"--{key} {text} is negative.");
            return 0;
        }

        return (long)(number * totalSteps);
    }

    private static bool TryParsePythonFloat(string text, out double number) =>
        double.TryParse(text.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    private T Refuse<T>(string key, object value, string expected)
    {
        Problem($"{key} = {Describe(value)}: sd-scripts expects {expected} here.");
        return default!;
    }

    private static string Describe(object value) => value switch
    {
        string text => $"\"{text}\"",
        double number => Format(number),
        bool flag => flag ? "true" : "false",
        TomlArray => "an array",
        TomlTable => "a table",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?",
    };

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
