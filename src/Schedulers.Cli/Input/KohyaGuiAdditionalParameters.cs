using System.Collections.Frozen;
using System.Globalization;
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
    private const string UnetOnlyFlag = "network_train_unet_only";
    private const string TextEncoderOnlyFlag = "network_train_text_encoder_only";

    private KohyaGuiAdditionalParameters(Dictionary<string, object> settings, double? unetLr, double? textEncoderLr, bool unetOnly, bool textEncoderOnly)
    {
        Settings = settings;
        UnetLr = unetLr;
        TextEncoderLr = textEncoderLr;
        UnetOnly = unetOnly;
        TextEncoderOnly = textEncoderOnly;
    }

    /// <summary>Gets the sd-scripts learning-rate settings given, as text (they override the file's).</summary>
    public Dictionary<string, object> Settings { get; }

    /// <summary>Gets the keys of <see cref="Settings"/>, which sd-scripts reads as command-line text.</summary>
    public FrozenSet<string> Keys => Settings.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets <c>--unet_lr</c> when given: the U-Net group's rate.</summary>
    public double? UnetLr { get; }

    /// <summary>Gets <c>--text_encoder_lr</c> when given: the text encoder group's rate.</summary>
    public double? TextEncoderLr { get; }

    /// <summary>Gets whether <c>--network_train_unet_only</c> is given: no text encoder group trains.</summary>
    public bool UnetOnly { get; }

    /// <summary>Gets whether <c>--network_train_text_encoder_only</c> is given: no U-Net group trains.</summary>
    public bool TextEncoderOnly { get; }

    /// <summary>Gets whether anything here changes the schedule or its groups.</summary>
    public bool ChangesSchedule => Settings.Count > 0 || UnetLr is not null || TextEncoderLr is not null || UnetOnly || TextEncoderOnly;

    /// <summary>Reads the GUI's string; <see langword="null"/> or blank gives nothing.</summary>
    public static KohyaGuiAdditionalParameters Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new([], null, null, false, false);
        }

        var arguments = Split(text);

        // Prefixes are not expanded: among all of sd-scripts' arguments a prefix of one of ours may name another.
        var settings = KohyaImport.ReadArguments(arguments, expandPrefixes: false);
        var problems = new List<string>();
        var unetLr = GroupRate(arguments, "unet_lr", problems);
        var textEncoderLr = GroupRate(arguments, "text_encoder_lr", problems);
        UsageException.ThrowIfAny(problems);
        return new(settings, unetLr, textEncoderLr, arguments.Contains("--" + UnetOnlyFlag), arguments.Contains("--" + TextEncoderOnlyFlag));
    }

    /// <summary>A note listing what the arguments changed, for the user to see why the curve is not the file's settings.</summary>
    public string Note()
    {
        var given = Settings.Select(setting => $"--{setting.Key} {(setting.Value is List<string> list ? string.Join(' ', list) : setting.Value)}")
            .Concat(UnetLr is { } unet ? [$"--unet_lr {Format(unet)}"] : [])
            .Concat(TextEncoderLr is { } textEncoder ? [$"--text_encoder_lr {Format(textEncoder)}"] : [])
            .Concat(UnetOnly ? ["--" + UnetOnlyFlag] : [])
            .Concat(TextEncoderOnly ? ["--" + TextEncoderOnlyFlag] : []);
        return $"additional_parameters gives {string.Join(", ", given)}: the GUI appends them to sd-scripts' command line, where they win over the settings it wrote to the config file.";
    }

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

    private static double? GroupRate(List<string> arguments, string key, List<string> problems)
    {
        double? rate = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            string? text = null;
            if (arguments[i] == "--" + key && i + 1 < arguments.Count)
            {
                text = arguments[i + 1];
            }
            else if (arguments[i].StartsWith($"--{key}=", StringComparison.Ordinal))
            {
                text = arguments[i][(key.Length + 3)..];
            }

            if (text is null)
            {
                continue;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0)
            {
                rate = value; // argparse keeps the last.
            }
            else
            {
                problems.Add($"additional_parameters --{key} {text}: sd-scripts reads it as a float, and this is not a learning rate >= 0.");
            }
        }

        return rate;
    }

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
