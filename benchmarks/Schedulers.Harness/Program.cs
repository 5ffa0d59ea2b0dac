using System.Diagnostics;
using Schedulers;
using Schedulers.Harness;

// Issue 15's measuring method, through the public API only (FromJson, Evaluate, GetLearningRate): see Measurement for
// the method, Targets for the pass/fail ceilings and HarnessOptions for the command line. Without --in-process it
// measures nothing itself: the vector width is fixed when the runtime starts, so each width is a child process started
// with the switch that forces it.
HarnessOptions options;
IReadOnlyList<ConfigurationTemplate> templates;
List<string> missing;
try
{
    options = HarnessOptions.Parse(args);
    templates = ConfigurationTemplate.Read(options.Configurations);
    missing = MissingSchedulers(templates);
}
catch (Exception exception) when (exception is ArgumentException or FormatException or IOException)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

if (missing.Count > 0)
{
    // A scheduler added to the catalog without a configuration here would otherwise pass by not being measured.
    Console.Error.WriteLine($"No configuration in {options.Configurations} for: {string.Join(", ", missing)}. Add a line for each.");
    return 2;
}

if (options.InProcess)
{
    var failures = new Measurement(options, templates).Run(options.Width == "all" ? "widest" : options.Width);
    return failures == 0 || options.NoTargets ? 0 : 1;
}

var worst = 0;
foreach (var width in options.Widths)
{
    worst = Math.Max(worst, RunChild(options, width));
}

Console.WriteLine(worst switch
{
    0 => "Every check passed.",
    1 => "Some check failed: see the FAIL rows above.",
    _ => $"A child process failed (exit code {worst}).",
});

// --no-targets forgives failed checks (a child's 1), never a child that could not measure.
return options.NoTargets && worst == 1 ? 0 : worst;

static List<string> MissingSchedulers(IReadOnlyList<ConfigurationTemplate> templates)
{
    var covered = templates.Select(Build).Select(schedule => schedule.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    return [.. SchedulerCatalog.All
        .Where(scheduler => !scheduler.IsMetricDriven && !scheduler.IsCodeOnly && !covered.Contains(scheduler.Name))
        .Select(scheduler => scheduler.Name)];
}

// Every line is built once up front, so a configuration the library rejects stops the run before any measuring.
static LearningRateSchedule Build(ConfigurationTemplate template)
{
    var json = template.Expand(1_000_000);
    try
    {
        return LearningRateSchedule.FromJson(json);
    }
    catch (Exception exception) when (exception is not OutOfMemoryException)
    {
        throw new FormatException($"line {template.Line} ({template.Name}): {exception.Message}", exception);
    }
}

static int RunChild(HarnessOptions options, string width)
{
    // Run through the host ('dotnet Schedulers.Harness.dll') when that is how this process was started, else the apphost.
    var host = Environment.ProcessPath ?? "dotnet";
    var start = new ProcessStartInfo(host) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
    {
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Schedulers.Harness.dll"));
    }

    foreach (var argument in options.ChildArguments(width))
    {
        start.ArgumentList.Add(argument);
    }

    foreach (var variable in VectorWidth.Switches)
    {
        start.Environment.Remove(variable);
    }

    if (VectorWidth.SwitchFor(width) is { } forced)
    {
        start.Environment[forced] = "0";
    }

    Console.WriteLine($"# Width {width}{(VectorWidth.SwitchFor(width) is { } name ? $" ({name}=0)" : " (the runtime's default)")}");
    Console.WriteLine();
    using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
    child.WaitForExit();
    return child.ExitCode;
}
