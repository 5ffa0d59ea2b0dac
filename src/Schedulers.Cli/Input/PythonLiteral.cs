using System.Globalization;
using System.Text;

namespace Schedulers.Cli;

/// <summary>
/// Reads the values of sd-scripts' <c>lr_scheduler_args</c> (<c>"T_max=100"</c>) the way its <c>ast.literal_eval</c>
/// does for what a scheduler argument can be: numbers, <c>True</c>/<c>False</c>/<c>None</c>, quoted strings, and lists
/// or tuples of them. Anything else sd-scripts would refuse, so it is refused here too.
/// </summary>
internal sealed class PythonLiteral
{
    private readonly string _text;
    private int _position;

    private PythonLiteral(string text) => _text = text;

    /// <summary>Parses one literal; <see langword="null"/> when the text is not one (sd-scripts raises there).</summary>
    public static ParameterValue? TryParse(string text)
    {
        var reader = new PythonLiteral(text);
        try
        {
            var value = reader.ReadValue(depth: 0);
            reader.SkipSpaces();
            return reader._position == text.Length ? value : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private ParameterValue ReadValue(int depth)
    {
        if (depth > 16)
        {
            throw new FormatException("nested too deeply");
        }

        SkipSpaces();
        if (_position >= _text.Length)
        {
            throw new FormatException("a value is missing");
        }

        return _text[_position] switch
        {
            '[' => ReadSequence(']', depth),
            '(' => ReadSequence(')', depth),
            '\'' or '"' => ParameterValue.FromText(ReadString()),
            _ => ReadAtom(),
        };
    }

    private ParameterValue ReadSequence(char close, int depth)
    {
        _position++;
        var items = new List<ParameterValue>();
        SkipSpaces();
        while (_position < _text.Length && _text[_position] != close)
        {
            items.Add(ReadValue(depth + 1));
            SkipSpaces();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                SkipSpaces();
            }
            else if (_position < _text.Length && _text[_position] != close)
            {
                throw new FormatException("a comma is missing");
            }
        }

        if (_position >= _text.Length)
        {
            throw new FormatException("a bracket is not closed");
        }

        _position++;
        return ParameterValue.FromList(items);
    }

    private string ReadString()
    {
        var quote = _text[_position++];
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            if (_text[_position] == '\\' && _position + 1 < _text.Length)
            {
                _position++;
            }

            builder.Append(_text[_position++]);
        }

        if (_position >= _text.Length)
        {
            throw new FormatException("a string is not closed");
        }

        _position++;
        return builder.ToString();
    }

    private ParameterValue ReadAtom()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] is not (',' or ']' or ')' or ' ' or '\t'))
        {
            _position++;
        }

        var atom = _text[start.._position];
        return atom switch
        {
            "True" => ParameterValue.FromBoolean(true),
            "False" => ParameterValue.FromBoolean(false),
            "None" => ParameterValue.Null,
            _ when IsPythonNumber(atom) && double.TryParse(atom.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                => ParameterValue.FromNumber(number, atom),
            _ => throw new FormatException($"'{atom}' is not a Python literal"),
        };
    }

    /// <summary>Python's numeric literals: digits, an optional sign, point and exponent; no <c>inf</c> or <c>nan</c> (they are names, not literals).</summary>
    private static bool IsPythonNumber(string atom) =>
        atom.Length > 0 && atom.Any(char.IsAsciiDigit) && atom.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-' or '_');

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t')
        {
            _position++;
        }
    }
}
