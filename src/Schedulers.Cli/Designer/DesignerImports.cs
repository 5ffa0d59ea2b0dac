using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// The imports the designer offers: each <see cref="ConfigurationSource"/> (what <c>--from</c> reads), plus sd-scripts
/// arguments pasted as one line. A new <c>--from</c> source adds its line here (a test fails until it does), with the
/// facts its files do not hold as <see cref="DesignerFact"/>s, which the page shows as fields (never a folder to count:
/// the page gives the server no path).
/// </summary>
internal static class DesignerImports
{
    /// <summary>The most processes an sd-scripts or timm import takes, as <c>--num-processes</c> (<see cref="ConfigurationInput.CheckedProcesses"/>).</summary>
    private const long MaxProcesses = 1_000_000;

    /// <summary>The largest data-set count taken: every step count up to it is exact in the page's numbers.</summary>
    private const long MaxDataSetCount = 1L << 53;

    private static readonly DesignerFact NumProcesses = new(
        new ImportFact(
            "num_processes",
            "processes",
            "1",
            "accelerate's number of processes: sd-scripts multiplies max_train_steps by it. An sd-scripts TOML file does not hold it; "
                + "a Kohya GUI JSON file holds its own num_processes, which wins when > 0 (a different value here is refused).")
        { Maximum = MaxProcesses },
        "--num-processes");

    private static readonly DesignerFact Images = new(
        new ImportFact(
            "images",
            "images × repeats",
            string.Empty,
            "Kohya GUI JSON with max_train_steps 0: the images × repeats of its image folder, summed over the N_name folders "
                + "(a folder 10_cat with 12 images gives 120), from which the GUI counts the training steps.")
        { Maximum = MaxDataSetCount },
        DataSetFacts.ImagesOption);

    private static readonly DesignerFact BatchesPerEpoch = new(
        new ImportFact(
            "batches_per_epoch",
            "batches per epoch",
            string.Empty,
            "sd-scripts with max_train_epochs: the number of batches per epoch sd-scripts prints at the start of a run "
                + "(\"num batches per epoch\"; with several processes, the sum over them).")
        { Maximum = MaxDataSetCount },
        DataSetFacts.BatchesOption);

    private static readonly DesignerFact TimmBatchesPerEpoch = BatchesPerEpoch with
    {
        Fact = BatchesPerEpoch.Fact with
        {
            Description = "The training loader's batches per epoch in one process (len(loader_train)): needed with sched_on_updates; "
                + "otherwise it makes the curve one value per optimizer step instead of one per epoch.",
        },
    };

    private static readonly DesignerFact TimmWorldSize = new(
        new ImportFact(
            "world_size",
            "world size",
            string.Empty,
            "The run's number of processes (torchrun's world size): needed when args.yaml has lr null, as train.py then scales lr_base by the global batch.")
        { Maximum = MaxProcesses },
        "--num-processes");

    private static readonly DesignerFact Examples = new(
        new ImportFact(
            "examples",
            "examples",
            string.Empty,
            "Hugging Face with max_steps -1: the number of training examples (len(train_dataset)), from which the Trainer counts an epoch's steps.")
        { Maximum = HuggingFaceTrainingLength.MaxCount },
        "--examples");

    private static readonly DesignerFact WorldSize = new(
        new ImportFact(
            "world_size",
            "world size",
            "1",
            "Hugging Face with max_steps -1: the data-parallel processes (torchrun, accelerate launch) or the GPUs of a DataParallel run, which share each epoch.")
        { Maximum = HuggingFaceTrainingLength.MaxCount },
        "--world-size");

    private static readonly DesignerFact EpochRule = new(
        new ImportFact(
            "epoch_rule",
            "epoch rule",
            "ceil",
            "Hugging Face with max_steps -1: ceil (current transformers: an epoch's last partial accumulation is a step) or floor (older releases).")
        { Choices = ["ceil", "floor"] },
        "--hf-epoch-rule");

    public static ImmutableArray<IImportSource> All { get; } =
    [
        new DesignerImport("json", "Schedulers JSON", (text, _) => ConfigurationInput.Parse(text, ConfigurationSource.Json, 1)) { Sources = [ConfigurationSource.Json] },
        new DesignerImport("kohya", "sd-scripts TOML or Kohya GUI JSON (Kohya)", Kohya)
        {
            Fields = [NumProcesses, Images, BatchesPerEpoch],
            Sources = [ConfigurationSource.Kohya],
        },
        new DesignerImport("kohya-args", "sd-scripts arguments (--lr_scheduler ...)", KohyaArguments)
        {
            Fields = [NumProcesses, BatchesPerEpoch],
        },
        new DesignerImport("hf", "Hugging Face TrainingArguments JSON or YAML", HuggingFace)
        {
            Fields = [Examples, WorldSize, EpochRule],
            Sources = [ConfigurationSource.Hf],
        },
        new DesignerImport("timm", "timm args.yaml", Timm)
        {
            Fields = [TimmBatchesPerEpoch, TimmWorldSize],
            Sources = [ConfigurationSource.Timm],
        },
    ];

    /// <summary>
    /// sd-scripts TOML or a Kohya GUI file. The processes field is the file's process count for TOML; for a GUI file it
    /// is <c>--num-processes</c> written out: used when the file has none, refused when it disagrees with the file's.
    /// </summary>
    private static ImportedConfiguration Kohya(string text, IReadOnlyDictionary<string, string> facts)
    {
        var processes = DesignerImport.Count(facts, NumProcesses.Fact);
        var dataSet = DataSet(facts);
        return ConfigurationInput.Parse(text, ConfigurationSource.Kohya, processes ?? 1, dataSet, processes).WithNotes(dataSet.UnusedNotes());
    }

    private static ImportedConfiguration KohyaArguments(string text, IReadOnlyDictionary<string, string> facts)
    {
        var dataSet = DataSet(facts);
        return KohyaImport.FromArguments(Arguments(text), DesignerImport.Count(facts, NumProcesses.Fact) ?? 1, dataSet).WithNotes(dataSet.UnusedNotes());
    }

    private static ImportedConfiguration HuggingFace(string text, IReadOnlyDictionary<string, string> facts)
    {
        HuggingFaceEpochRule? rule = facts.TryGetValue(EpochRule.Fact.Name, out var name)
            ? name == "floor" ? HuggingFaceEpochRule.Floor : HuggingFaceEpochRule.Ceil
            : null;
        var run = new HuggingFaceRunFacts(DesignerImport.Count(facts, Examples.Fact), DesignerImport.Count(facts, WorldSize.Fact), rule);
        return ConfigurationInput.Parse(text, ConfigurationSource.Hf, 1, huggingFaceRun: run);
    }

    /// <summary>timm: the world size only when given (train.py's learning-rate rule never assumes 1).</summary>
    private static ImportedConfiguration Timm(string text, IReadOnlyDictionary<string, string> facts)
    {
        var worldSize = DesignerImport.Count(facts, TimmWorldSize.Fact);
        var dataSet = DataSet(facts);
        return ConfigurationInput.Parse(text, ConfigurationSource.Timm, worldSize ?? 1, dataSet, worldSize).WithNotes(dataSet.UnusedNotes());
    }

    /// <summary>The data-set facts of the fields; never counted from a folder (the page gives the server no path).</summary>
    private static DataSetFacts DataSet(IReadOnlyDictionary<string, string> facts) => new()
    {
        ImagesTimesRepeats = DesignerImport.Count(facts, Images.Fact),
        BatchesPerEpoch = DesignerImport.Count(facts, BatchesPerEpoch.Fact),
        CountsFolders = false,
    };

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
