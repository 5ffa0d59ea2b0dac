using System.Globalization;

namespace Schedulers.Harness;

/// <summary>The command line: see <see cref="Usage"/>.</summary>
internal sealed class HarnessOptions
{
    public const string Usage = """
        dotnet run -c Release --project benchmarks/Schedulers.Harness -- [options]
          --sizes 1M,32M         buffer lengths (M = 1,000,000, k = 1,000); default 1M,32M
          --rounds N[,N...]      rounds per size; one N sets the sizes below 8M, larger ones get N/20 (at least 2);
                                 default 100 at sizes below 8M, 5 above
          --width W              widest, 256, 128 or all (default): each in a child process of its own
          --filter NAME          only configurations whose name contains NAME (case-insensitive)
          --no-targets           report only: exit 0 whatever the checks say
          --configurations FILE  templates (default: configurations.txt beside the harness)
          --in-process           measure in this process at whatever width it has (what each child runs)
        """;

    public IReadOnlyList<int> Sizes { get; private set; } = [1_000_000, 32_000_000];

    public IReadOnlyList<int>? Rounds { get; private set; }

    public string Width { get; private set; } = "all";

    public string? Filter { get; private set; }

    public bool NoTargets { get; private set; }

    public string Configurations { get; private set; } = Path.Combine(AppContext.BaseDirectory, "configurations.txt");

    public bool InProcess { get; private set; }

    public IEnumerable<string> Widths => Width == "all" ? VectorWidth.Names : [Width];

    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sizes":
                    options.Sizes = [.. Value().Split(',').Select(ParseSize)];
                    break;
                case "--rounds":
                    options.Rounds = [.. Value().Split(',').Select(text => int.Parse(text, CultureInfo.InvariantCulture))];
                    break;
                case "--width":
                    options.Width = Value();
                    if (options.Width != "all" && !VectorWidth.Names.Contains(options.Width))
                    {
                        throw new ArgumentException($"--width takes widest, 256, 128 or all, not '{options.Width}'");
                    }

                    break;
                case "--filter":
                    options.Filter = Value();
                    break;
                case "--no-targets":
                    options.NoTargets = true;
                    break;
                case "--configurations":
                    options.Configurations = Value();
                    break;
                case "--in-process":
                    options.InProcess = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (options.Rounds is { Count: > 1 } rounds && rounds.Count != options.Sizes.Count)
        {
            throw new ArgumentException("--rounds takes one count, or one per size");
        }

        // One round would time the first call, which may build tables, and leave no second to take the fastest of.
        return options.Rounds?.Any(count => count < 2) == true ? throw new ArgumentException("--rounds must be at least 2") : options;
    }

    /// <summary>
    /// A 32M buffer takes about 30 ms a fill, a 1M one about 0.2 ms: the same number of rounds would spend nearly all
    /// the run on the large size, where the fastest of a few rounds already settles.
    /// </summary>
    public int RoundsFor(int index)
    {
        var large = Sizes[index] >= Targets.DramSteps;
        return Rounds switch
        {
            null => large ? 5 : 100,
            { Count: 1 } => large ? Math.Max(2, Rounds[0] / 20) : Rounds[0],
            _ => Rounds[index],
        };
    }

    /// <summary>
    /// The arguments of a child that measures <paramref name="width"/> with these options. --no-targets stays with the
    /// parent, so that a child's exit code always says whether its checks held and the parent's summary can tell.
    /// </summary>
    public IEnumerable<string> ChildArguments(string width)
    {
        yield return "--in-process";
        yield return "--width";
        yield return width;
        yield return "--sizes";
        yield return string.Join(',', Sizes.Select(size => size.ToString(CultureInfo.InvariantCulture)));
        yield return "--rounds";
        yield return string.Join(',', Sizes.Select((_, index) => RoundsFor(index).ToString(CultureInfo.InvariantCulture)));
        yield return "--configurations";
        yield return Configurations;
        if (Filter is not null)
        {
            yield return "--filter";
            yield return Filter;
        }

    }

    public bool Selects(string name) => Filter is null || name.Contains(Filter, StringComparison.OrdinalIgnoreCase);

    private static int ParseSize(string text)
    {
        var (digits, scale) = text.Trim() switch
        {
            var t when t.EndsWith('M') || t.EndsWith('m') => (t[..^1], 1_000_000.0),
            var t when t.EndsWith('k') || t.EndsWith('K') => (t[..^1], 1_000.0),
            var t => (t, 1.0),
        };
        var size = double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture) * scale;
        return size is >= 1 and <= int.MaxValue / 8 ? (int)size : throw new ArgumentException($"size '{text}' is out of range");
    }
}
