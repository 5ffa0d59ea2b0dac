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
        Description = "A configuration file: our JSON (default), an sd-scripts TOML file or a Kohya GUI JSON file (--from kohya), a TrainingArguments JSON or YAML file (--from hf) or the args.yaml of a timm run (--from timm).",
        HelpName = "FILE",
    };

    private readonly Option<ConfigurationSource> _from = SourceOption();

    private readonly Option<long> _numProcesses = NumProcessesOption();

    private readonly DataSetFactOptions _facts = new();

    private readonly HuggingFaceRunOptions _huggingFaceRun = new();

    private readonly Option<string> _group = new("--group")
    {
        Description = "Kohya GUI files with unet_lr / text_encoder_lr: the parameter group to work on (unet or text_encoder; default: the first).",
        HelpName = "NAME",
    };

    private readonly Option<string> _scheduler = new(CommandLineFlag.For(ScheduleKeys.Scheduler))
    {
        Description = "Scheduler name: " + string.Join(", ", SchedulerCatalog.All.Where(scheduler => !scheduler.IsCodeOnly).Select(scheduler => scheduler.Name)) + ".",
        HelpName = "NAME",
    };

    private readonly List<(ParameterDescriptor Descriptor, Option<string> Option)> _parameters = [.. SchedulerCatalog.AllParameterKeys
        .Select(key => SchedulerCatalog.FindParameter(key)!)
        .Select(descriptor => (descriptor, new Option<string>(CommandLineFlag.For(descriptor.Key), CommandLineFlag.AliasFor(descriptor.Key))
        {
            Description = CommandLineFlag.Describe(descriptor.Key),
            HelpName = HelpNameOf(descriptor.Key),
        }))];

    /// <summary>
    /// What a flag's value looks like, by the key's first descriptor; a key two schedulers read as different shapes
    /// (timm's decay_t: a number, or a list) shows both.
    /// </summary>
    private static string HelpNameOf(string key)
    {
        var shapes = SchedulerCatalog.All.Select(scheduler => scheduler.Find(key)).OfType<ParameterDescriptor>()
            .DistinctBy(parameter => parameter.Kind == ParameterKind.Integer ? ParameterKind.Number : parameter.Kind);
        return string.Join('|', shapes.Select(HelpNameOf));
    }

    /// <summary>What a flag's value looks like for one descriptor.</summary>
    private static string HelpNameOf(ParameterDescriptor descriptor) => descriptor.Kind switch
    {
        ParameterKind.IntegerList => "N,N,...",
        ParameterKind.IntegerOrRange => "N or N,N",
        ParameterKind.NumberList => "X,X,...",
        ParameterKind.ScheduleList or ParameterKind.PointList => "JSON",
        _ => descriptor.Kind.ToString().ToUpperInvariant(),
    };

    /// <summary>The <c>--from</c> option, shared by the commands that read files.</summary>
    public static Option<ConfigurationSource> SourceOption() => new("--from")
    {
        Description = "What --config holds: json (ours), kohya (sd-scripts TOML, a Kohya GUI JSON file, or sd-scripts arguments after --), hf (TrainingArguments JSON or YAML) "
            + "or timm (the args.yaml timm's train.py saves with every run: its sched, epochs, warmup, cooldown, cycle and noise settings; "
            + "--batches-per-epoch for a run with sched_on_updates, or for one value per optimizer step; --num-processes when lr is null).",
        DefaultValueFactory = _ => ConfigurationSource.Json,
    };

    /// <summary>sd-scripts multiplies the training steps by the number of processes; it is not in its config file.</summary>
    public static Option<long> NumProcessesOption() => new("--num-processes")
    {
        Description = "sd-scripts imports: accelerate's number of processes (max_train_steps is multiplied by it), default 1. "
            + "timm imports: the run's world size, needed when args.yaml has lr null (train.py then scales lr_base by the global batch).",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };

    /// <summary>The curve a plot draws of the configuration read, named by its file (<see cref="PlottedCurve.Of"/>).</summary>
    public PlottedCurve Curve(ParseResult parseResult, LearningRateSchedule schedule) => PlottedCurve.Of(parseResult.GetValue(_config), schedule);

    public void AddTo(Command command)
    {
        command.Options.Add(_config);
        command.Options.Add(_from);
        command.Options.Add(_numProcesses);
        _facts.AddTo(command);
        _huggingFaceRun.AddTo(command);
        command.Options.Add(_group);
        command.Options.Add(_scheduler);
        foreach (var (_, option) in _parameters)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Reads the one configuration a command was given, whichever way it was given, with the data-set facts and group asked
    /// for; <paramref name="loggedMaxSteps"/> is the length a Hugging Face run's log gives (<c>check</c>), for a
    /// <c>TrainingArguments</c> file that does not set one.
    /// </summary>
    public ImportedConfiguration Read(ParseResult parseResult, long? loggedMaxSteps = null)
    {
        var facts = _facts.Read(parseResult);
        var configuration = ReadConfiguration(parseResult, facts, _huggingFaceRun.Read(parseResult) with { LoggedMaxSteps = loggedMaxSteps });
        if (parseResult.GetValue(_group) is { } group)
        {
            configuration = configuration.SelectGroup(group);
        }

        return configuration.WithNotes(facts.UnusedNotes());
    }

    private ImportedConfiguration ReadConfiguration(ParseResult parseResult, DataSetFacts facts, HuggingFaceRunFacts huggingFaceRun)
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
            throw new UsageException(UnrecognizedArguments(parseResult, kohyaArguments));
        }

        if (source == ConfigurationSource.Kohya && file is null)
        {
            return kohyaArguments.Count > 0
                ? WithUnusedFacts(KohyaImport.FromArguments(kohyaArguments, CheckedProcesses(numProcesses), facts), huggingFaceRun, source)
                : throw new UsageException("--from kohya needs --config FILE.toml, or sd-scripts arguments after '--' (for example: -- --lr_scheduler cosine --max_train_steps 1000).");
        }

        if (file is null)
        {
            return source == ConfigurationSource.Json ? WithUnusedFacts(ImportedConfiguration.Native(flags), huggingFaceRun, source) : throw new UsageException($"--from {source.ToString().ToLowerInvariant()} needs --config FILE.");
        }

        if (kohyaArguments.Count > 0)
        {
            throw new UsageException("give sd-scripts settings either as --config FILE.toml or as arguments after '--', not both.");
        }

        return Load(file, source, numProcesses, facts, parseResult.GetResult(_numProcesses) is { Implicit: false } ? numProcesses : null, huggingFaceRun);
    }

    /// <summary>
    /// Tokens the command does not know, each flag with the command's closest flag (the library's spelling suggestions):
    /// a misspelt flag is far more likely than sd-scripts arguments given without <c>--from kohya</c>.
    /// </summary>
    private static string UnrecognizedArguments(ParseResult parseResult, IReadOnlyList<string> tokens)
    {
        var flags = parseResult.CommandResult.Command.Options
            .SelectMany(option => option.Aliases.Prepend(option.Name))
            .Where(name => name.StartsWith("--", StringComparison.Ordinal))
            .ToArray();
        var suggestions = tokens
            .Where(token => token.StartsWith("--", StringComparison.Ordinal))
            .Select(token => (Token: token, Suggestion: Spelling.Closest(token.Split('=')[0], flags)))
            .Where(pair => pair.Suggestion is not null)
            .Select(pair => $" {pair.Token}: did you mean {pair.Suggestion}?");
        return $"unrecognized arguments: {string.Join(' ', tokens)}.{string.Concat(suggestions)} ('{parseResult.CommandResult.Command.Name} --help' lists the flags.)";
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads one configuration file of the given kind.</summary>
    public static ImportedConfiguration Load(FileInfo file, ConfigurationSource source, long numProcesses) => Load(file, source, numProcesses, DataSetFacts.None, null);

    /// <summary>
    /// Reads one configuration file of the given kind, with the data-set facts given as options. <paramref name="explicitProcesses"/>
    /// is <c>--num-processes</c> when it was written on the command line (a Kohya GUI file holds its own).
    /// </summary>
    public static ImportedConfiguration Load(FileInfo file, ConfigurationSource source, long numProcesses, DataSetFacts facts, long? explicitProcesses, HuggingFaceRunFacts? huggingFaceRun = null)
    {
        huggingFaceRun ??= HuggingFaceRunFacts.None;
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

        GitLfsPointer.ThrowIfPointer(text, $"--config {file.Name}");

        return Parse(text, source, numProcesses, facts, explicitProcesses, huggingFaceRun);
    }

    /// <summary>Reads the text of one configuration file of the given kind (the designer's imports come here too).</summary>
    public static ImportedConfiguration Parse(string text, ConfigurationSource source, long numProcesses, DataSetFacts? facts = null, long? explicitProcesses = null, HuggingFaceRunFacts? huggingFaceRun = null)
    {
        facts ??= DataSetFacts.None;
        huggingFaceRun ??= HuggingFaceRunFacts.None;
        return source switch
        {
            ConfigurationSource.Kohya when KohyaGuiImport.IsGuiJson(text) => WithUnusedFacts(KohyaGuiImport.FromJson(text, explicitProcesses is null ? null : CheckedProcesses(explicitProcesses.Value), facts), huggingFaceRun, source),
            ConfigurationSource.Kohya => WithUnusedFacts(KohyaImport.FromToml(text, CheckedProcesses(numProcesses), facts), huggingFaceRun, source),
            ConfigurationSource.Hf => HuggingFaceImport.Read(text, huggingFaceRun),
            ConfigurationSource.Timm => WithUnusedFacts(TimmImport.FromYaml(text, TimmFacts(numProcesses, explicitProcesses, facts)), huggingFaceRun, source),
            _ => WithUnusedFacts(ImportedConfiguration.Native(ScheduleOptions.FromJson(text)), huggingFaceRun, source),
        };
    }

    /// <summary>
    /// timm's facts: the world size only when <c>--num-processes</c> was written (timm's learning-rate rule never assumes
    /// 1), and the training loader's batches per epoch (<c>--batches-per-epoch</c>, counted as used when given).
    /// </summary>
    private static ImportFacts TimmFacts(long numProcesses, long? explicitProcesses, DataSetFacts facts) =>
        new(CheckedProcesses(numProcesses), explicitProcesses is not null,
            facts.BatchesPerEpoch is null ? null : facts.RequireBatchesPerEpoch("timm's updates per epoch"));

    /// <summary>Says on standard error that Hugging Face's run facts were given to a configuration that is not a Trainer's.</summary>
    private static ImportedConfiguration WithUnusedFacts(ImportedConfiguration configuration, HuggingFaceRunFacts facts, ConfigurationSource source) =>
        configuration with { Notes = configuration.Notes.AddRange(facts.Unused($"it is for Hugging Face runs (--from hf), and this configuration is --from {source.ToString().ToLowerInvariant()}")) };

    public static long CheckedProcesses(long numProcesses) =>
        numProcesses is >= 1 and <= 1_000_000 ? numProcesses : throw new UsageException($"--num-processes {numProcesses} is not a number of processes in [1, 1000000].");

    private ScheduleOptions FromFlags(ParseResult parseResult)
    {
        var entries = new List<KeyValuePair<string, ParameterValue>>();
        var name = parseResult.GetValue(_scheduler);
        var scheduler = name is null ? null : SchedulerCatalog.Find(name);
        if (name is not null)
        {
            entries.Add(new(ScheduleKeys.Scheduler, ParameterValue.FromText(name)));
        }

        foreach (var (descriptor, option) in _parameters)
        {
            if (parseResult.GetValue(option) is { } text)
            {
                // Read as the chosen scheduler reads the key: timm's decay_t is a number for StepLRScheduler and a list for MultiStepLRScheduler.
                entries.Add(new(descriptor.Key, Interpret(scheduler?.Find(descriptor.Key) ?? descriptor, text)));
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
        ParameterKind.IntegerOrRange when text.Contains(',', StringComparison.Ordinal) => ParameterValue.FromList(text.Split(',').Select(item => Number(item.Trim()))),
        ParameterKind.IntegerOrRange => Number(text),

        // JSON arrays (configurations, control points), read by the library's own JSON reader so that bad JSON is refused the same way.
        ParameterKind.ScheduleList or ParameterKind.PointList => ScheduleOptions.FromJson($"{{\"{descriptor.Key}\": {text}}}").Entries[0].Value,
        _ => ParameterValue.FromText(text),
    };
}
