using System.Text;
using System.Text.Json;

namespace Schedulers.Cli;

/// <summary>
/// sd-scripts settings for a configuration: <see cref="KohyaMappings"/> read backwards (a key of ours becomes the
/// setting whose row makes it, divided by the row's scale; one sd-scripts has no setting for goes into
/// <c>lr_scheduler_args</c> when the schedule function takes it), as a TOML file or as command-line arguments.
/// </summary>
internal sealed class KohyaExport(bool arguments) : IExportFormat
{
    public string Name => arguments ? "kohya-args" : "kohya";

    public string Label => arguments ? "sd-scripts arguments" : "sd-scripts TOML (Kohya)";

    public string FileName => arguments ? "sd-scripts-arguments.txt" : "schedule.toml";

    public string Export(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = Settings(options);
        var text = arguments ? Arguments(settings) : Toml(settings);
        return ExportCheck.RoundTrip(text, options, "sd-scripts", exported => arguments
            ? KohyaImport.FromArguments(DesignerImports.Arguments(exported), 1)
            : KohyaImport.FromToml(exported, 1));
    }

    /// <summary>The settings in sd-scripts' order: scalars as our values, <c>lr_scheduler_args</c> as Python literals.</summary>
    private static List<(string Key, ParameterValue? Value, List<string>? Keywords)> Settings(ScheduleOptions options)
    {
        var name = options.Scheduler ?? throw new DesignerInputException("the configuration names no scheduler.");
        var pyTorch = SchedulerCatalog.Find(name) is { Family: SchedulerFamily.PyTorch };
        var settings = new List<(string, ParameterValue?, List<string>?)>();
        var keywords = new List<string>();
        var problems = new List<string>();
        settings.Add(pyTorch ? (KohyaMappings.SchedulerType.Source, ParameterValue.FromText(name), null) : (KohyaMappings.Scheduler.Source, ParameterValue.FromText(name), null));
        if (!pyTorch && !KohyaMappings.Schedules.Contains(name))
        {
            throw new DesignerInputException($"sd-scripts has no {name} schedule: it builds {string.Join(", ", KohyaMappings.Schedules)} and PyTorch's classes.");
        }

        foreach (var (key, value) in options.Entries.Where(entry => entry.Key != ScheduleKeys.Scheduler))
        {
            if (key == ScheduleKeys.LearningRate)
            {
                settings.Add((KohyaMappings.LearningRate.Source, value, null));
            }
            else if (key == ScheduleKeys.TotalSteps && name != "OneCycleLR")
            {
                settings.Add((KohyaMappings.MaxTrainSteps.Source, value, null));
            }
            else if (pyTorch)
            {
                // A PyTorch class takes its own arguments, which are our keys.
                keywords.Add($"{key}={PythonText.Literal(value)}");
            }
            else if (KohyaMappings.ScheduleParameters.FirstOrDefault(rule => rule.Target == key && rule.IsUsedBy(name)) is { } rule)
            {
                settings.Add((rule.Source, value.Kind == ParameterValueKind.Number ? ParameterValue.FromNumber(value.NumberValue / rule.Scale) : value, null));
            }
            else if (KohyaMappings.Keywords.FirstOrDefault(rule => rule.Target == key && rule.IsUsedBy(name)) is { } keyword)
            {
                keywords.Add($"{keyword.Source}={PythonText.Literal(value)}");
            }
            else
            {
                problems.Add($"sd-scripts has no setting for {key} with {name}.");
            }
        }

        if (problems.Count > 0)
        {
            throw new DesignerInputException([.. problems]);
        }

        if (keywords.Count > 0)
        {
            settings.Add((KohyaMappings.SchedulerArguments.Source, null, keywords));
        }

        return settings;
    }

    private static string Toml(List<(string Key, ParameterValue? Value, List<string>? Keywords)> settings)
    {
        var toml = new StringBuilder("# The learning-rate settings of an sd-scripts config file (made by schedulers serve).\n");
        foreach (var (key, value, keywords) in settings)
        {
            toml.Append(key).Append(" = ").Append(keywords is null ? TomlValue(value!) : $"[{string.Join(", ", keywords.Select(JsonString))}]").Append('\n');
        }

        return toml.ToString();
    }

    private static string Arguments(List<(string Key, ParameterValue? Value, List<string>? Keywords)> settings) =>
        string.Join(' ', settings.Select(setting => $"--{setting.Key} " + (setting.Keywords is null
            ? ShellWord(setting.Value!.Kind == ParameterValueKind.Text ? setting.Value.TextValue! : PythonText.Number(setting.Value.NumberValue))
            : string.Join(' ', setting.Keywords.Select(ShellWord))))) + "\n";

    private static string TomlValue(ParameterValue value) => value.Kind switch
    {
        ParameterValueKind.Number => TomlNumber(value.NumberValue),
        ParameterValueKind.Boolean => value.BooleanValue ? "true" : "false",
        _ => JsonString(value.TextValue ?? value.ToJson()),
    };

    /// <summary>An integer where the value is whole (sd-scripts reads steps as int), else a float; both are valid TOML.</summary>
    private static string TomlNumber(double value) => PythonText.Number(value);

    /// <summary>TOML's basic strings escape as JSON does.</summary>
    private static string JsonString(string value) => JsonSerializer.Serialize(value);

    /// <summary>A word the POSIX shell passes as it is: quoted with single quotes when it holds anything special.</summary>
    private static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_.=+/:,".Contains(c, StringComparison.Ordinal))
            ? word
            : "\"" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
