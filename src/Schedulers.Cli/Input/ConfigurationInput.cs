using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Schedulers.Cli;

/// <summary>
/// Where a command's configuration comes from: <c>--config FILE</c> (our JSON, or with <c>--from kohya|hf</c> a file of
/// the tool that wrote it), sd-scripts arguments after <c>--</c>, or one flag per contract key generated from the
/// parameter descriptors (<c>--scheduler cosine --learning-rate 3e-4 ...</c>). Values are passed on as text so that the
/// library's one validation pass judges them, with the same messages as for JSON.
/// </summary>
internal sealed class ConfigurationInput
{
    private readonly Option<FileInfo> _config = new("--config")
    {
        Description = "A configuration file: our JSON (default), an sd-scripts TOML file (--from kohya) or a TrainingArguments JSON (--from hf).",
        HelpName = "FILE",
    };

    private readonly Option<ConfigurationSource> _from = SourceOption();

    private readonly Option<long> _numProcesses = NumProcessesOption();

    private readonly Option<string> _scheduler = new(CommandLineFlag.For(ScheduleKeys.Scheduler))
    {
        Description = "Scheduler name: " + string.Join(", ", SchedulerCatalog.All.Where(scheduler => !scheduler.IsCodeOnly).Select(scheduler => scheduler.Name)) + ".",
        HelpName = "NAME",
    };

    private readonly List<(ParameterDescriptor Descriptor, Option<string> Option)> _parameters = [.. SchedulerCatalog.AllParameterKeys
        .Select(key => SchedulerCatalog.FindParameter(key)!)
        .Select(descriptor => (descriptor, new Option<string>(CommandLineFlag.For(descriptor.Key), CommandLineFlag.AliasFor(descriptor.Key))
        {
            Description = $"{descriptor.Description} Used by: {string.Join(", ", SchedulerCatalog.SchedulersTaking(descriptor.Key).Where(scheduler => !scheduler.IsCodeOnly).Select(scheduler => scheduler.Name))}.",
            HelpName = descriptor.Kind switch
            {
                ParameterKind.IntegerList => "N,N,...",
                ParameterKind.NumberList => "X,X,...",
                ParameterKind.ScheduleList or ParameterKind.PointList => "JSON",
                _ => descriptor.Kind.ToString().ToUpperInvariant(),
            },
        }))];

    /// <summary>The <c>--from</c> option, shared by the commands that read files.</summary>
    public static Option<ConfigurationSource> SourceOption() => new("--from")
    {
        Description = "What --config holds: json (ours), kohya (sd-scripts TOML, or sd-scripts arguments after --) or hf (TrainingArguments JSON).",
        DefaultValueFactory = _ => ConfigurationSource.Json,
    };

    /// <summary>sd-scripts multiplies the training steps by the number of processes; it is not in its config file.</summary>
    public static Option<long> NumProcessesOption() => new("--num-processes")
    {
        Description = "sd-scripts imports: accelerate's number of processes (max_train_steps is multiplied by it). Default 1.",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_config);
        command.Options.Add(_from);
        command.Options.Add(_numProcesses);
        command.Options.Add(_scheduler);
        foreach (var (_, option) in _parameters)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads the one configuration a command was given, whichever way it was given.</summary>
    public ImportedConfiguration Read(ParseResult parseResult)
    {
        var flags = FromFlags(parseResult);
        var source = parseResult.GetValue(_from);
        var numProcesses = parseResult.GetValue(_numProcesses);
        var kohyaArguments = parseResult.UnmatchedTokens;
        var file = parseResult.GetValue(_config);
        if (!flags.Entries.IsEmpty && (file is not null || source != ConfigurationSource.Json))
        {
            throw new UsageException($"--config or --from and parameter flags ({string.Join(", ", flags.Entries.Select(entry => entry.Key))}) cannot be combined: put every value in the file, or give them all as flags.");
        }

        if (kohyaArguments.Count > 0 && source != ConfigurationSource.Kohya)
        {
            throw new UsageException($"unrecognized arguments: {string.Join(' ', kohyaArguments)} (sd-scripts arguments go after '--' with --from kohya).");
        }

        if (source == ConfigurationSource.Kohya && file is null)
        {
            return kohyaArguments.Count > 0
                ? KohyaImport.FromArguments(kohyaArguments, CheckedProcesses(numProcesses))
                : throw new UsageException("--from kohya needs --config FILE.toml, or sd-scripts arguments after '--' (for example: -- --lr_scheduler cosine --max_train_steps 1000).");
        }

        if (file is null)
        {
            return source == ConfigurationSource.Json ? ImportedConfiguration.Native(flags) : throw new UsageException($"--from {source.ToString().ToLowerInvariant()} needs --config FILE.");
        }

        if (kohyaArguments.Count > 0)
        {
            throw new UsageException("give sd-scripts settings either as --config FILE.toml or as arguments after '--', not both.");
        }

        return Load(file, source, numProcesses);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads one configuration file of the given kind.</summary>
    public static ImportedConfiguration Load(FileInfo file, ConfigurationSource source, long numProcesses)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName, StrictUtf8);
        }
        catch (DecoderFallbackException exception)
        {
            // The default decoder would turn bad bytes into U+FFFD and read on: a value the user did not write.
            throw new UsageException($"--config {file} is not valid UTF-8 text: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --config {file}: {exception.Message}");
        }

        return source switch
        {
            ConfigurationSource.Kohya => KohyaImport.FromToml(text, CheckedProcesses(numProcesses)),
            ConfigurationSource.Hf => HuggingFaceImport.FromJson(text),
            _ => ImportedConfiguration.Native(ScheduleOptions.FromJson(text)),
        };
    }

    private static long CheckedProcesses(long numProcesses) =>
        numProcesses is >= 1 and <= 1_000_000 ? numProcesses : throw new UsageException($"--num-processes {numProcesses} is not a number of processes in [1, 1000000].");

    private ScheduleOptions FromFlags(ParseResult parseResult)
    {
        var entries = new List<KeyValuePair<string, ParameterValue>>();
        if (parseResult.GetValue(_scheduler) is { } name)
        {
            entries.Add(new(ScheduleKeys.Scheduler, ParameterValue.FromText(name)));
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
        ParameterKind.IntegerList or ParameterKind.NumberList => ParameterValue.FromList(string.IsNullOrWhiteSpace(text) ? [] : text.Split(',').Select(item => Number(item.Trim()))),

        // JSON arrays (configurations, control points), read by the library's own JSON reader so that bad JSON is refused the same way.
        ParameterKind.ScheduleList or ParameterKind.PointList => ScheduleOptions.FromJson($"{{\"{descriptor.Key}\": {text}}}").Entries[0].Value,
        _ => ParameterValue.FromText(text),
    };
}
