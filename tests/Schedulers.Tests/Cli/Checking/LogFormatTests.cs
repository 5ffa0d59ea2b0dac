using System.Globalization;
using System.Text;

namespace Schedulers.Tests.Cli.Checking;

/// <summary>The exports <c>check</c> reads besides trainer_state.json: TensorBoard's CSV and JSON, W&amp;B's chart and history CSVs, sd-scripts' scalars.</summary>
public sealed class LogFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-check-formats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_tensorboard_csv_export_is_read_from_its_step_and_value_columns()
    {
        var run = Check(RunLogs.TensorBoardCsv(RunLogs.Rates(RunLogs.Cosine, offset: 0)));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("log: log (CSV): 40 learning rates from columns 'Step' and 'Value'");
    }

    [Fact]
    public void A_tensorboard_json_download_is_read()
    {
        var rows = RunLogs.Rates(RunLogs.Cosine, offset: 0).Select(rate => $"[1700000000.5, {rate.Step}, {rate.Rate.ToString("R", CultureInfo.InvariantCulture)}]");

        var run = Check($"[{string.Join(", ", rows)}]");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("log: log (TensorBoard JSON): 40 learning rates");
    }

    [Fact]
    public void A_wandb_chart_export_reads_the_run_column_and_not_its_min_and_max()
    {
        var csv = new StringBuilder("\"Step\",\"brisk-sun-12 - train/learning_rate\",\"brisk-sun-12 - train/learning_rate__MIN\",\"brisk-sun-12 - train/learning_rate__MAX\"\n");
        foreach (var (step, rate) in RunLogs.Rates(RunLogs.Cosine, offset: 1))
        {
            var value = rate.ToString("R", CultureInfo.InvariantCulture);
            csv.Append(CultureInfo.InvariantCulture, $"{step},{value},{value},{value}\n");
        }

        var run = Check(csv.ToString());

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("from columns 'Step' and 'brisk-sun-12 - train/learning_rate'");
    }

    [Fact]
    public void A_wandb_history_export_takes_the_trainers_step_and_skips_rows_without_a_rate()
    {
        var csv = new StringBuilder("_step,train/global_step,train/learning_rate,train/loss,eval/loss\n");
        var row = 0;
        foreach (var (step, rate) in RunLogs.Rates(RunLogs.Cosine, offset: 1))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{row++},{step},{rate.ToString("R", CultureInfo.InvariantCulture)},2.5,\n");
            if (step % 20 == 0)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{row++},{step},,,2.4\n");
            }
        }

        var run = Check(csv.ToString());

        run.ExitCode.Should().Be(0, run.Output + run.Error);
        run.Output.Should().Contain("from columns 'train/global_step' and 'train/learning_rate' (10 rows without a rate skipped)");
    }

    [Fact]
    public void Lr_column_picks_one_of_sd_scripts_learning_rates()
    {
        var csv = new StringBuilder("step,lr/textencoder,lr/unet\n");
        foreach (var (step, rate) in RunLogs.Rates(RunLogs.Cosine, offset: 0))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{step},{(rate / 10).ToString("R", CultureInfo.InvariantCulture)},{rate.ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        var run = Check(csv.ToString(), "--lr-column", "lr/unet");

        run.ExitCode.Should().Be(0, run.Output + run.Error);
    }

    [Fact]
    public void Quoted_fields_and_steps_written_as_decimals_are_read()
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 1);
        var csv = "\"step\",\"learning_rate\"\n" + string.Concat(rates.Select(rate => $"\"{rate.Step}.0\",\"{rate.Rate.ToString("R", CultureInfo.InvariantCulture)}\"\n"));

        Check(csv).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Rows_out_of_order_are_compared_in_step_order()
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 1, lag: step => step < 100 ? 0 : 2).Reverse();

        var run = Check(RunLogs.TensorBoardCsv(rates));

        run.Output.Should().Contain("fell behind by 2 steps from step 100");
    }

    [Theory]
    [InlineData("trainer_state.json", "Hugging Face trainer state")]
    [InlineData("trainer_state.checkpoint-1000.json", "Hugging Face trainer state")]
    [InlineData("lr.csv", "CSV")]
    public void The_log_line_names_the_file_and_its_kind(string name, string kind)
    {
        var rates = RunLogs.Rates(RunLogs.Cosine, offset: 1);
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, kind == "CSV" ? RunLogs.TensorBoardCsv(rates) : RunLogs.TrainerState(rates));
        var config = Path.Combine(_folder, "config.json");
        File.WriteAllText(config, RunLogs.Cosine);

        var run = CliRun.Of("check", "--config", config, "--log", path);

        run.Output.Should().StartWith($"log: {name} ({kind}): 40 learning rates");
    }

    private CliRun Check(string log, params string[] options)
    {
        var config = Path.Combine(_folder, "config.json");
        var path = Path.Combine(_folder, "log");
        File.WriteAllText(config, RunLogs.Cosine);
        File.WriteAllText(path, log);
        return CliRun.Of(["check", "--config", config, "--log", path, .. options]);
    }
}
