using System.Globalization;
using System.Text;

namespace Schedulers.Cli;

/// <summary>Our values as Python source: the literals <c>ast.literal_eval</c> reads back, and keyword arguments.</summary>
internal static class PythonText
{
    public static string Literal(ParameterValue value) => value.Kind switch
    {
        ParameterValueKind.Number => Number(value.NumberValue),
        ParameterValueKind.Boolean => value.BooleanValue ? "True" : "False",
        ParameterValueKind.Text => Text(value.TextValue!),
        ParameterValueKind.List => $"[{string.Join(", ", value.Items.Select(Literal))}]",
        ParameterValueKind.Object => $"{{{string.Join(", ", ScheduleOptions.FromJson(value.ToJson()).Entries.Select(entry => $"{Text(entry.Key)}: {Literal(entry.Value)}"))}}}",
        _ => "None",
    };

    /// <summary>A whole number as an int (Python's schedulers compare steps to ints), any other as the shortest float that reads back the same.</summary>
    public static string Number(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);

    public static string Text(string value)
    {
        var text = new StringBuilder("'");
        foreach (var character in value)
        {
            text.Append(character switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) => $"\\x{(int)character:x2}",
                _ => character.ToString(),
            });
        }

        return text.Append('\'').ToString();
    }
}
