using System.CommandLine;
using System.Globalization;

namespace Schedulers.Cli;

/// <summary>
/// Where a command's configuration comes from: <c>--config FILE</c> (JSON), or one flag per contract key generated from
/// the parameter descriptors (<c>--scheduler cosine --learning-rate 3e-4 ...</c>). Values are passed on as text so that
/// the library's one validation pass judges them, with the same messages as for JSON.
/// </summary>
internal sealed class ConfigurationInput
{
    private readonly Option<FileInfo> _config = new("--config")
    {
        Description = "A JSON configuration file in the contract's vocabulary.",
        HelpName = "FILE",
    };

    private readonly Option<string> _scheduler = new("--scheduler")
    {
        Description = "Scheduler name: " + string.Join(", ", SchedulerCatalog.All.Select(scheduler => scheduler.Name)) + ".",
        HelpName = "NAME",
    };

    private readonly List<(ParameterDescriptor Descriptor, Option<string> Option)> _parameters = [.. SchedulerCatalog.AllParameterKeys
        .Select(key => SchedulerCatalog.FindParameter(key)!)
        .Select(descriptor => (descriptor, new Option<string>(descriptor.CommandLineFlag, "--" + descriptor.Key)
        {
            Description = $"{descriptor.Description} Used by: {string.Join(", ", SchedulerCatalog.SchedulersTaking(descriptor.Key).Select(scheduler => scheduler.Name))}.",
            HelpName = descriptor.Kind switch
            {
                ParameterKind.IntegerList => "N,N,...",
                ParameterKind.ScheduleList or ParameterKind.PointList => "JSON",
                _ => descriptor.Kind.ToString().ToUpperInvariant(),
            },
        }))];

    public void AddTo(Command command)
    {
        command.Options.Add(_config);
        command.Options.Add(_scheduler);
        foreach (var (_, option) in _parameters)
        {
            command.Options.Add(option);
        }
    }

    public ScheduleOptions Read(ParseResult parseResult)
    {
        var flags = FromFlags(parseResult);
        if (parseResult.GetValue(_config) is not { } file)
        {
            return flags;
        }

        if (!flags.Entries.IsEmpty)
        {
            throw new UsageException($"--config and parameter flags ({string.Join(", ", flags.Entries.Select(entry => entry.Key))}) cannot be combined: put every value in the file, or give them all as flags.");
        }

        string json;
        try
        {
            json = File.ReadAllText(file.FullName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --config {file}: {exception.Message}");
        }

        return ScheduleOptions.FromJson(json);
    }

    private ScheduleOptions FromFlags(ParseResult parseResult)
    {
        var entries = new List<KeyValuePair<string, ParameterValue>>();
        if (parseResult.GetValue(_scheduler) is { } name)
        {
            entries.Add(new(ScheduleOptions.SchedulerKey, ParameterValue.FromText(name)));
        }

        foreach (var (descriptor, option) in _parameters)
        {
            if (parseResult.GetValue(option) is { } text)
            {
                entries.Add(new(descriptor.Key, Interpret(descriptor, text)));
            }
        }

        return ScheduleOptions.FromEntries(entries);
    }

    private static ParameterValue Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? ParameterValue.FromNumber(number, text) : ParameterValue.FromText(text);

    /// <summary>Reads a flag's text as the type its descriptor expects; text that does not fit stays text, for validation to refuse by name.</summary>
    private static ParameterValue Interpret(ParameterDescriptor descriptor, string text) => descriptor.Kind switch
    {
        ParameterKind.Integer or ParameterKind.Number => Number(text),
        ParameterKind.Boolean when bool.TryParse(text, out var flag) => ParameterValue.FromBoolean(flag),
        ParameterKind.IntegerList => ParameterValue.FromList(string.IsNullOrWhiteSpace(text) ? [] : text.Split(',').Select(item => Number(item.Trim()))),

        // JSON arrays (configurations, control points), read by the library's own JSON reader so that bad JSON is refused the same way.
        ParameterKind.ScheduleList or ParameterKind.PointList => ScheduleOptions.FromJson($"{{\"{descriptor.Key}\": {text}}}").Entries[0].Value,
        _ => ParameterValue.FromText(text),
    };
}
