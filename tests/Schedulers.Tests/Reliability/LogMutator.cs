using System.Globalization;
using System.Text;

namespace Schedulers.Tests.Reliability;

/// <summary>
/// Run logs for <c>schedulers check</c> to fuzz with, and their mutations: a trainer_state.json goes through
/// <see cref="ConfigurationMutator"/> (entries deleted, retyped, NaN, huge, deep, truncated, invalid UTF-8); the CSV and
/// TensorBoard JSON exports also get the ways CSV breaks (quotes left open, cells added or dropped, headers renamed, rows
/// doubled, line endings mixed). Like <see cref="ConfigurationMutator"/> it uses nothing of the library, so that the
/// process-level fuzzer can link it; the logs follow <see cref="Configuration"/> (computed here with Math.Cos).
/// </summary>
internal static class LogMutator
{
    /// <summary>The configuration the base logs follow (transformers' cosine with a linear warmup).</summary>
    public const string Configuration = """{"scheduler":"cosine","learning_rate":5e-5,"warmup_steps":20,"total_steps":200}""";

    private static readonly string[] Keys = ["log_history", "learning_rate", "step", "max_steps", "global_step", "epoch", "loss", "eval_loss"];

    private static readonly string[] CsvPieces =
    [
        "\"", ",", "\n", "\r", "\r\n", ",,", "\"\"", "NaN", "nan", "inf", "-1", "-0", "1e400", "1e-400", "9223372036854775808", "1.5", "0x10",
        "Step", "step", "lr", "Value", "_step", "global_step", "lr/unet", "train/learning_rate", " - ", "__MIN", "\t", "\u0000", "é", "\uD800",
    ];

    /// <summary>A trainer_state.json, a TensorBoard CSV, a W&amp;B history CSV and a TensorBoard JSON download of the same run.</summary>
    public static IReadOnlyList<string> Bases { get; } = [TrainerState(), TensorBoardCsv(), WandbCsv(), TensorBoardJson()];

    /// <summary>One to three mutations of <paramref name="log"/>, as file bytes.</summary>
    public static byte[] MutateBytes(string log, Random random)
    {
        if (log.StartsWith('{'))
        {
            return ConfigurationMutator.MutateBytes(log, random, Keys);
        }

        var text = log;
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            text = MutateCsv(text, random);
        }

        return random.Next(3) == 0 ? ConfigurationMutator.MutateBytes(text, random, Keys) : Encoding.UTF8.GetBytes(text);
    }

    private static string MutateCsv(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (random.Next(7))
        {
            case 0:
                return text.Insert(random.Next(text.Length + 1), CsvPieces[random.Next(CsvPieces.Length)]);
            case 1:
                lines.RemoveAt(at);
                break;
            case 2:
                lines.Insert(random.Next(lines.Count + 1), lines[at]);
                break;
            case 3:
                // A cell replaced: an odd value, or nothing.
                var cells = lines[at].Split(',');
                cells[random.Next(cells.Length)] = random.Next(3) == 0 ? string.Empty : CsvPieces[random.Next(CsvPieces.Length)];
                lines[at] = string.Join(',', cells);
                break;
            case 4:
                lines[0] = string.Join(',', lines[0].Split(',').Select(cell => random.Next(3) == 0 ? CsvPieces[random.Next(17, 26)] : cell));
                break;
            case 5:
                lines[at] = lines[at] + "," + new string('9', random.Next(1, 40));
                break;
            default:
                return text[..random.Next(text.Length + 1)];
        }

        return string.Join('\n', lines);
    }

    private static IEnumerable<(int Step, double Rate)> Rates()
    {
        for (var step = 5; step <= 200; step += 5)
        {
            var position = step - 1;
            var rate = position < 20 ? 5e-5 * position / 20 : 5e-5 * 0.5 * (1 + Math.Cos(Math.PI * (position - 20) / 180));
            yield return (step, (float)rate);
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string TrainerState() =>
        "{\"global_step\": 200, \"max_steps\": 200, \"log_history\": ["
        + string.Join(", ", Rates().Select(rate => $"{{\"epoch\": {Number(rate.Step / 100.0)}, \"learning_rate\": {Number(rate.Rate)}, \"loss\": 2.5, \"step\": {rate.Step}}}"))
        + ", {\"eval_loss\": 2.4, \"step\": 200}, {\"step\": 200, \"train_runtime\": 60.5}]}";

    private static string TensorBoardCsv() =>
        "Wall time,Step,Value\n" + string.Concat(Rates().Select(rate => $"1700000000.5,{rate.Step - 1},{Number(rate.Rate)}\n"));

    private static string WandbCsv() =>
        "_step,train/global_step,train/learning_rate,train/loss\n" + string.Concat(Rates().Select((rate, row) => $"{row},{rate.Step},{Number(rate.Rate)},2.5\n"));

    private static string TensorBoardJson() =>
        "[" + string.Join(", ", Rates().Select(rate => $"[1700000000.5, {rate.Step - 1}, {Number(rate.Rate)}]")) + "]";
}
