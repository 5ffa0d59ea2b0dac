using System.Text;

namespace Schedulers.Cli;

/// <summary>
/// Python's <c>json</c> module writes a non-finite float as the bare words <c>NaN</c>, <c>Infinity</c> and
/// <c>-Infinity</c> (<c>allow_nan=True</c> is its default), and a <c>trainer_state.json</c> holds them whenever a loss or a
/// gradient norm overflowed. They are not JSON, so System.Text.Json refuses the whole file; quoting them outside strings
/// lets the file be read, and a learning rate that is one of them is then refused by name like any other non-number.
/// </summary>
internal static class PythonJsonLiterals
{
    private static readonly string[] Words = ["-Infinity", "Infinity", "NaN"];

    /// <summary>Whether a string read back is one of Python's words (which <see cref="Quote"/> may have quoted).</summary>
    public static bool IsWord(string text) => Array.IndexOf(Words, text) >= 0;

    public static string Quote(string json)
    {
        if (!json.Contains("NaN", StringComparison.Ordinal) && !json.Contains("Infinity", StringComparison.Ordinal))
        {
            return json;
        }

        var result = new StringBuilder(json.Length + 16);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\' && i + 1 < json.Length)
                {
                    result.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                result.Append(c);
                continue;
            }

            // Outside a string, JSON has only punctuation, numbers and true/false/null: any of the words here is Python's.
            var word = Array.Find(Words, candidate => string.CompareOrdinal(json, i, candidate, 0, candidate.Length) == 0);
            if (word is null)
            {
                result.Append(c);
                continue;
            }

            result.Append('"').Append(word).Append('"');
            i += word.Length - 1;
        }

        return result.ToString();
    }
}
