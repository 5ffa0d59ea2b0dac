using System.Collections.Frozen;
using System.Text;

namespace Schedulers.Cli;

/// <summary>
/// The Kohya GUI's <c>additional_parameters</c>: a string of sd-scripts arguments the GUI appends to the command line it
/// launches, after <c>--config_file</c>. sd-scripts reads its config file into the namespace first and then parses the
/// command line over it (<c>read_config_from_file</c>, then <c>parser.parse_args(namespace=...)</c>), so an argument here
/// wins over the setting the GUI wrote. The learning-rate arguments are read as sd-scripts reads them; the rest do not
/// touch the schedule and are skipped.
/// </summary>
internal sealed class KohyaGuiAdditionalParameters
{
    private KohyaGuiAdditionalParameters(Dictionary<string, object> settings) => Settings = settings;

    /// <summary>Gets the sd-scripts learning-rate settings given, as text (they override the file's).</summary>
    public Dictionary<string, object> Settings { get; }

    /// <summary>Gets the keys of <see cref="Settings"/>, which sd-scripts reads as command-line text.</summary>
    public FrozenSet<string> Keys => Settings.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets whether anything here changes the schedule or its groups.</summary>
    public bool ChangesSchedule => Shown.Any();

    /// <summary>Reads the GUI's string; <see langword="null"/> or blank gives nothing.</summary>
    public static KohyaGuiAdditionalParameters Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([]);
        }

        var arguments = Split(text);

        // Prefixes are not expanded: among all of sd-scripts' arguments a prefix of one of ours may name another.
        return new(KohyaImport.ReadArguments(arguments, expandPrefixes: false));
    }

    /// <summary>A note listing what the arguments changed, for the user to see why the curve is not the file's settings.</summary>
    public string Note()
    {
        var given = Shown.Select(setting => setting.Value switch
        {
            bool => $"--{setting.Key}",
            List<string> list => $"--{setting.Key} {string.Join(' ', list)}".TrimEnd(),
            var value => $"--{setting.Key} {value}",
        });
        return $"additional_parameters gives {string.Join(", ", given)}: the GUI appends them to sd-scripts' command line, where they win over the settings it wrote to the config file.";
    }

    /// <summary>
    /// The settings worth a note: <c>network_module</c> and <c>network_args</c> only decide how a list of
    /// <c>text_encoder_lr</c> values is shared, and are mostly given for other reasons.
    /// </summary>
    private IEnumerable<KeyValuePair<string, object>> Shown =>
        Settings.Where(setting => setting.Key != KohyaMappings.NetworkModule.Source && setting.Key != KohyaMappings.NetworkArguments.Source);

    /// <summary>
    /// Splits as Python's <c>shlex.split</c> (POSIX mode) and a POSIX shell do: whitespace separates, single quotes keep
    /// everything, double quotes keep everything but <c>\"</c>, <c>\\</c>, <c>\$</c> and <c>\`</c>, and a backslash
    /// outside quotes keeps the next character.
    /// </summary>
    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        var inToken = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inToken)
                {
                    tokens.Add(token.ToString());
                    token.Clear();
                    inToken = false;
                }

                continue;
            }

            inToken = true;
            switch (c)
            {
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw Unclosed(text);
                    }

                    token.Append(text, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    for (i++; ; i++)
                    {
                        if (i >= text.Length)
                        {
                            throw Unclosed(text);
                        }

                        if (text[i] == '"')
                        {
                            break;
                        }

                        if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                        {
                            i++;
                        }

                        token.Append(text[i]);
                    }

                    break;
                case '\\' when i + 1 < text.Length:
                    token.Append(text[++i]);
                    break;
                default:
                    token.Append(c);
                    break;
            }
        }

        if (inToken)
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }

    private static UsageException Unclosed(string text) =>
        new($"additional_parameters \"{text}\" has a quote that is never closed: the GUI's command line cannot be read (shlex: No closing quotation).");
}
