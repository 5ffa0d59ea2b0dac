namespace Schedulers.Tests.Cli.Checking;

/// <summary>Logs <c>check</c> refuses: exit 2, nothing on standard output, every problem named on standard error.</summary>
public sealed class CheckRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schedulers-check-refusals-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("{\"log_history\": [", "is not valid JSON")]
    [InlineData("{\"max_steps\": 10}", "is a JSON object without log_history")]
    [InlineData("{\"log_history\": {}}", "log_history is an object, not a list of log entries")]
    [InlineData("{\"log_history\": [3]}", "log_history[0] is '3', not a log entry")]
    [InlineData("{\"log_history\": [{\"step\": 1, \"learning_rate\": NaN}]}", "log_history[0].learning_rate is NaN, not a finite learning rate >= 0")]
    [InlineData("{\"log_history\": [{\"step\": 1, \"learning_rate\": \"1e-4\"}]}", "log_history[0].learning_rate is the string '1e-4'")]
    [InlineData("{\"log_history\": [{\"step\": 1, \"learning_rate\": -1e-4}]}", "log_history[0].learning_rate is '-1e-4'")]
    [InlineData("{\"log_history\": [{\"step\": 1, \"learning_rate\": 1e400}]}", "log_history[0].learning_rate is '1e400'")]
    [InlineData("{\"log_history\": [{\"learning_rate\": 1e-4}]}", "log_history[0] has a learning_rate but no step")]
    [InlineData("{\"log_history\": [{\"step\": -1, \"learning_rate\": 1e-4}]}", "log_history[0].step is '-1', not a step")]
    [InlineData("{\"log_history\": [{\"step\": 2.5, \"learning_rate\": 1e-4}]}", "log_history[0].step is '2.5', not a step")]
    [InlineData("{\"log_history\": [{\"step\": 1, \"loss\": 2.0}, {\"step\": 1, \"eval_loss\": 2.0}]}", "holds no learning rate")]
    [InlineData("{\"log_history\": [{\"step\": 1, \"learning_rate\": 1e-4}], \"max_steps\": 0}", "max_steps is '0', not a number of steps")]
    [InlineData("[[1, 2]]", "row 0 is '[1, 2]', not [wall_time, step, value]")]
    [InlineData("Wall time,Step,Value\n1,2,\"3\n", "is not valid CSV")]
    [InlineData("step,loss\n1,2\n", "has no learning-rate column (columns: 'step', 'loss'); name it with --lr-column")]
    [InlineData("time,lr\n1,2\n", "has no step column (columns: 'time', 'lr'); name it with --step-column")]
    [InlineData("step,lr/unet,lr/textencoder\n1,1e-4,1e-5\n", "has 2 learning-rate columns ('lr/unet', 'lr/textencoder'); name the one to check with --lr-column")]
    [InlineData("Step,step,lr\n1,1,1e-4\n", "has 2 step columns ('Step', 'step')")]
    [InlineData("step,lr\n1,abc\n", "line 2 has 'abc' in 'lr', not a finite learning rate >= 0")]
    [InlineData("step,lr\n1,nan\n", "line 2 has 'nan' in 'lr'")]
    [InlineData("step,lr\n1.5,1e-4\n", "line 2 has step '1.5' in 'step', not a whole number >= 0")]
    [InlineData("step,lr\n,1e-4\n", "line 2 has step '' in 'step'")]
    [InlineData("step,lr\n1,1e-4,3\n", "line 2 has 3 fields, the header 2")]
    [InlineData("step,lr\n1,\n2,\n", "holds no learning rate")]
    [InlineData("step\n", "has no learning-rate column")]
    public void A_malformed_log_is_refused_by_name(string log, string message)
    {
        var run = Check(Write("log", log));

        Refused(run, message);
    }

    [Fact]
    public void A_log_that_is_not_utf8_is_refused()
    {
        var path = Path.Combine(_folder, "log.csv");
        File.WriteAllBytes(path, [.. "step,lr\n1,"u8.ToArray(), 0xFF, .. "\n"u8.ToArray()]);

        Refused(Check(path), "is not valid UTF-8 text");
    }

    [Fact]
    public void Every_bad_row_is_named_at_once()
    {
        var run = Check(Write("log.csv", "step,lr\n1,x\n2,y\n3,1e-4\n"));

        Refused(run, "line 2 has 'x'");
        run.Error.Should().Contain("line 3 has 'y'");
    }

    [Fact]
    public void A_file_broken_on_every_line_names_twenty_problems_and_counts_the_rest()
    {
        var run = Check(Write("log.csv", "step,lr\n" + string.Concat(Enumerable.Range(1, 50).Select(step => $"{step},x\n"))));

        Refused(run, "... and 30 more problems.");
        run.Error.Split('\n').Count(line => line.StartsWith("error:", StringComparison.Ordinal)).Should().Be(21);
    }

    [Fact]
    public void A_missing_log_is_refused()
    {
        Refused(Check(Path.Combine(_folder, "absent.json")), "does not exist");
    }

    [Theory]
    [InlineData("-1e-6")]
    [InlineData("1")]
    [InlineData("NaN")]
    public void A_tolerance_outside_0_to_1_is_refused(string tolerance)
    {
        var log = Write("log.csv", "step,lr\n1,1e-4\n");

        Refused(CliRun.Of("check", "--config", Write("config.json", RunLogs.Cosine), "--log", log, "--tolerance", tolerance), "is not a relative tolerance in [0, 1)");
    }

    [Fact]
    public void A_named_column_the_file_lacks_is_refused_with_the_columns_it_has()
    {
        var log = Write("log.csv", "step,lr/unet,lr/textencoder\n1,1e-4,1e-5\n");

        Refused(Check(log, "--lr-column", "lr/transformer"), "has no column 'lr/transformer' (--lr-column); its columns: 'step', 'lr/unet', 'lr/textencoder'");
    }

    [Fact]
    public void A_configuration_without_a_length_is_refused_when_the_log_has_none_either()
    {
        var run = CliRun.Of("check", "--config", Write("config.json", """{"scheduler": "cosine", "learning_rate": 1e-4}"""), "--log", Write("log.csv", "step,lr\n1,1e-4\n"));

        Refused(run, "total_steps");
    }

    private static void Refused(CliRun run, string message)
    {
        run.ExitCode.Should().Be(2, run.Output);
        run.Output.Should().BeEmpty();
        run.Error.Should().Contain(message).And.NotContain("   at ");
    }

    private CliRun Check(string log, params string[] options) =>
        CliRun.Of(["check", "--config", Write("config.json", RunLogs.Cosine), "--log", log, .. options]);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
