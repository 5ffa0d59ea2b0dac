using System.Globalization;

namespace Schedulers.Harness;

/// <summary>
/// The arithmetic inside a configuration template's placeholders (<c>{N}</c>, <c>{N*0.3}</c>, <c>{0.01^(1/N)}</c>):
/// one template then serves every buffer length and start step, so <c>total_steps</c>, milestones and decay rates
/// always fit the buffer being measured.
/// </summary>
internal sealed class TemplateExpression
{
    private readonly string text;
    private readonly IReadOnlyDictionary<string, double> variables;
    private int position;

    private TemplateExpression(string text, IReadOnlyDictionary<string, double> variables)
    {
        this.text = text;
        this.variables = variables;
    }

    /// <summary>Evaluates <paramref name="text"/>: numbers, the given variables, + - * / ^ and parentheses.</summary>
    public static double Evaluate(string text, IReadOnlyDictionary<string, double> variables)
    {
        var parser = new TemplateExpression(text, variables);
        var value = parser.Sum();
        parser.SkipSpaces();
        return parser.position == text.Length ? value : throw parser.Error("unexpected text");
    }

    /// <summary>Writes a value as JSON: whole numbers without a fraction, since step counts must parse as integers.</summary>
    public static string Format(double value) =>
        Math.Abs(value) <= 9007199254740992.0 && value == Math.Floor(value)
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private double Sum()
    {
        var value = Product();
        while (Accept('+') || Accept('-'))
        {
            var plus = text[position - 1] == '+';
            var right = Product();
            value = plus ? value + right : value - right;
        }

        return value;
    }

    private double Product()
    {
        var value = Power();
        while (Accept('*') || Accept('/'))
        {
            var times = text[position - 1] == '*';
            var right = Power();
            value = times ? value * right : value / right;
        }

        return value;
    }

    private double Power()
    {
        var value = Unary();
        return Accept('^') ? Math.Pow(value, Power()) : value;
    }

    private double Unary() => Accept('-') ? -Unary() : Primary();

    private double Primary()
    {
        if (Accept('('))
        {
            var value = Sum();
            return Accept(')') ? value : throw Error("')' expected");
        }

        SkipSpaces();
        var start = position;
        if (start < text.Length && char.IsAsciiLetter(text[start]))
        {
            while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]))
            {
                position++;
            }

            var name = text[start..position];
            return variables.TryGetValue(name, out var variable) ? variable : throw Error($"unknown variable '{name}'");
        }

        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.' || IsExponent()))
        {
            position += IsExponent() && position + 1 < text.Length && text[position + 1] is '+' or '-' ? 2 : 1;
        }

        return double.TryParse(text.AsSpan(start, position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error("number expected");
    }

    // An 'e' is an exponent only right after a digit and before a digit or sign, so "1e12" is a number and "END" a name.
    private bool IsExponent() =>
        text[position] is 'e' or 'E' && position > 0 && char.IsAsciiDigit(text[position - 1])
        && position + 1 < text.Length && (char.IsAsciiDigit(text[position + 1]) || text[position + 1] is '+' or '-');

    private bool Accept(char symbol)
    {
        SkipSpaces();
        if (position < text.Length && text[position] == symbol)
        {
            position++;
            return true;
        }

        return false;
    }

    private void SkipSpaces()
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }
    }

    private FormatException Error(string what) => new($"'{text}' at {position}: {what}");
}
