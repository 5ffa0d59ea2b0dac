using System.Collections.Immutable;

namespace Schedulers.Cli;

/// <summary>
/// What a training configuration cannot know about its data set, given as options (<c>--images</c>,
/// <c>--dataset-dir</c>, <c>--batches-per-epoch</c>): an import asks for the fact it needs, with the reason; a fact
/// given and never asked for is reported, so that a user learns it changed nothing. Other imports add their facts here
/// as further properties of the same kind.
/// </summary>
internal sealed class DataSetFacts
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>No facts given.</summary>
    public static DataSetFacts None => new();

    /// <summary>Images × repeats, as the Kohya GUI counts its <c>N_name</c> folders (<c>--images</c>, or counted from <c>--dataset-dir</c>).</summary>
    public long? ImagesTimesRepeats { get; init; }

    /// <summary>How <see cref="ImagesTimesRepeats"/> was given, for messages and provenance (<c>--images 120</c>, <c>--dataset-dir DIR (counted: ...)</c>).</summary>
    public string ImagesOrigin { get; init; } = "--images";

    /// <summary>
    /// Whether <see cref="ImagesTimesRepeats"/> may be counted from a folder (<c>--dataset-dir</c>): the designer reads no
    /// folder, so through it a refusal offers only the count.
    /// </summary>
    public bool CountsFolders { get; init; } = true;

    /// <summary>sd-scripts' number of batches per epoch (<c>--batches-per-epoch</c>).</summary>
    public long? BatchesPerEpoch { get; init; }

    /// <summary>The option that gives <see cref="ImagesTimesRepeats"/>.</summary>
    public const string ImagesOption = "--images";

    /// <summary>The option that gives <see cref="BatchesPerEpoch"/>.</summary>
    public const string BatchesOption = "--batches-per-epoch";

    /// <summary>Images × repeats, which the import needs for <paramref name="why"/>; refused (exit 2) when not given.</summary>
    public long RequireImagesTimesRepeats(string why)
    {
        _used.Add(ImagesOption);
        return ImagesTimesRepeats ?? throw new UsageException($"{why}: give {ImagesOption} N (images × repeats, summed over the N_name folders)"
            + (CountsFolders ? " or --dataset-dir DIR (the folder with those N_name folders, counted as the GUI counts them)." : "."));
    }

    /// <summary>The batches per epoch, which the import needs for <paramref name="why"/>; refused (exit 2) when not given.</summary>
    public long RequireBatchesPerEpoch(string why)
    {
        _used.Add(BatchesOption);
        return BatchesPerEpoch ?? throw new UsageException($"{why}: give {BatchesOption} N (sd-scripts prints it at the start of a run as \"num batches per epoch\"; with several processes, the sum over the processes).");
    }

    /// <summary>A note for each fact given that the import did not need.</summary>
    public ImmutableArray<string> UnusedNotes()
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        if (ImagesTimesRepeats is { } images && !_used.Contains(ImagesOption))
        {
            notes.Add($"{ImagesOrigin} ({images} images × repeats) is not needed: no length here is counted from image folders; it changes nothing.");
        }

        if (BatchesPerEpoch is { } batches && !_used.Contains(BatchesOption))
        {
            notes.Add($"{BatchesOption} {batches} is not needed: no length here is counted in epochs; it changes nothing.");
        }

        return notes.ToImmutable();
    }
}
