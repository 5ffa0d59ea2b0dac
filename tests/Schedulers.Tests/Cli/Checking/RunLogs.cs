using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Schedulers.Tests.Cli.Checking;

/// <summary>
/// Logs as a run would have written them, made from our own schedule and rounded to float32 as TensorBoard, W&amp;B and
/// a float32 optimizer keep them: <c>logged(s) = scale × lr(s - offset - lag(s))</c>.
/// </summary>
internal static class RunLogs
{
    public const string Cosine = """{"scheduler": "cosine", "learning_rate": 5e-5, "warmup_steps": 20, "total_steps": 200}""";

    /// <summary>The value a log holds for <paramref name="rate"/>: the float32 nearest, written back as a double.</summary>
    public static double Logged(double rate) => (float)rate;

    /// <summary>Logged rates every <paramref name="every"/> steps from <paramref name="every"/> to <paramref name="last"/>.</summary>
    public static IReadOnlyList<(long Step, double Rate)> Rates(
        string configuration, int offset, long every = 5, long last = 200, Func<long, long>? lag = null, double scale = 1)
    {
        var schedule = LearningRateSchedule.FromJson(configuration);
        var rates = new List<(long, double)>();
        for (var step = every; step <= last; step += every)
        {
            rates.Add((step, Logged(scale * schedule.GetLearningRate(step - offset - (lag?.Invoke(step) ?? 0)))));
        }

        return rates;
    }

    /// <summary>
    /// A <c>trainer_state.json</c> as the Trainer writes it: a training entry per logged step, an evaluation entry (no
    /// learning_rate) every fourth, and the closing summary entry.
    /// </summary>
    public static string TrainerState(IEnumerable<(long Step, double Rate)> rates, long? maxSteps = 200)
    {
        var history = new JsonArray();
        var index = 0;
        foreach (var (step, rate) in rates)
        {
            history.Add(new JsonObject { ["epoch"] = step / 100.0, ["grad_norm"] = 1.25, ["learning_rate"] = rate, ["loss"] = 2.5, ["step"] = step });
            if (++index % 4 == 0)
            {
                history.Add(new JsonObject { ["epoch"] = step / 100.0, ["eval_loss"] = 2.4, ["eval_runtime"] = 0.5, ["step"] = step });
            }
        }

        history.Add(new JsonObject { ["epoch"] = 2.0, ["step"] = maxSteps ?? 0, ["total_flos"] = 1e12, ["train_loss"] = 2.3, ["train_runtime"] = 60.5 });
        var state = new JsonObject { ["best_metric"] = null, ["epoch"] = 2.0, ["global_step"] = maxSteps ?? 0, ["log_history"] = history, ["logging_steps"] = 5 };
        if (maxSteps is { } steps)
        {
            state["max_steps"] = steps;
        }

        return state.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>TensorBoard's CSV export of one scalar.</summary>
    public static string TensorBoardCsv(IEnumerable<(long Step, double Rate)> rates)
    {
        var csv = new StringBuilder("Wall time,Step,Value\n");
        foreach (var (step, rate) in rates)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{1_700_000_000 + step * 1.5},{step},{rate.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return csv.ToString();
    }
}
