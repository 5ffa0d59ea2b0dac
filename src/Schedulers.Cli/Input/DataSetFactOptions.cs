using System.CommandLine;

namespace Schedulers.Cli;

/// <summary>The options that give <see cref="DataSetFacts"/>: what a configuration file cannot know about its data set.</summary>
internal sealed class DataSetFactOptions
{
    private readonly Option<long?> _images = new(DataSetFacts.ImagesOption)
    {
        Description = "Kohya GUI files: images × repeats, summed over the N_name folders of the image folder (what the GUI counts when max_train_steps is 0).",
        HelpName = "N",
    };

    private readonly Option<DirectoryInfo> _datasetDirectory = new("--dataset-dir")
    {
        Description = "Kohya GUI files: the image folder (with its N_name folders), counted as the GUI counts it; instead of --images.",
        HelpName = "DIR",
    };

    private readonly Option<long?> _batchesPerEpoch = new(DataSetFacts.BatchesOption)
    {
        Description = "sd-scripts (TOML or GUI file) with max_train_epochs: the number of batches per epoch sd-scripts prints at the start of a run. "
            + "timm imports: the training loader's batches per epoch in one process (len(loader_train)); needed with sched_on_updates, otherwise it makes the curve one value per optimizer step instead of per epoch.",
        HelpName = "N",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_images);
        command.Options.Add(_datasetDirectory);
        command.Options.Add(_batchesPerEpoch);
    }

    public DataSetFacts Read(ParseResult parseResult)
    {
        var problems = new List<string>();
        var images = parseResult.GetValue(_images);
        var directory = parseResult.GetValue(_datasetDirectory);
        var batches = parseResult.GetValue(_batchesPerEpoch);
        if (images is < 0)
        {
            problems.Add($"{DataSetFacts.ImagesOption} {images} is not a number of images × repeats (>= 0).");
        }

        if (batches is < 1 or > 1L << 53)
        {
            problems.Add($"{DataSetFacts.BatchesOption} {batches} is not a number of batches in [1, 2^53].");
        }

        if (images is not null && directory is not null)
        {
            problems.Add($"{DataSetFacts.ImagesOption} and --dataset-dir both give the images × repeats: give one.");
        }

        UsageException.ThrowIfAny(problems);
        if (directory is not null)
        {
            var (counted, description) = KohyaImageFolders.Count(directory);
            return new DataSetFacts { ImagesTimesRepeats = counted, ImagesOrigin = description, BatchesPerEpoch = batches };
        }

        return new DataSetFacts { ImagesTimesRepeats = images, ImagesOrigin = images is null ? DataSetFacts.ImagesOption : $"{DataSetFacts.ImagesOption} {images}", BatchesPerEpoch = batches };
    }
}
