using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

// A bounded load test of the designer (docs/designer.md): starts `schedulers serve` as its own process on a free loopback
// port, sends a fixed number of curve requests (1e6 to 1e12 steps, log-uniform, seeded) from concurrent clients, samples
// the server's resident memory while they run, prints throughput, latency percentiles and the memory timeline, and
// stops the server. It stops by itself: after the requests, or at the deadline, whichever comes first.
var requests = Argument("--requests", 2_000);
var clients = Argument("--clients", 16);
var deadline = TimeSpan.FromSeconds(Argument("--deadline-seconds", 600));
var seed = Argument("--seed", 18);

// 0: steps drawn log-uniform in [1e6, 1e12]; otherwise every request has this many (the single-user "1M steps" figure).
var fixedSteps = Argument("--steps", 0);

var cli = Path.Combine(AppContext.BaseDirectory, "Schedulers.Cli.dll");
using var server = Process.Start(new ProcessStartInfo("dotnet", $"\"{cli}\" serve --host 127.0.0.1")
{
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
}) ?? throw new InvalidOperationException("could not start the server");
try
{
    var banner = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the server printed nothing: " + await server.StandardError.ReadToEndAsync());
    var address = new Uri(banner[(banner.IndexOf("http://", StringComparison.Ordinal))..].Split(' ')[0]);
    if (!address.IsLoopback)
    {
        throw new InvalidOperationException($"refusing to load {address}: this test sends traffic to loopback only.");
    }

    Console.WriteLine($"server {address} (pid {server.Id}); {requests} curve requests from {clients} clients, {(fixedSteps > 0 ? $"{fixedSteps} steps each" : "1e6 to 1e12 steps")}, seed {seed}");
    using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    var schedulers = new[]
    {
        """{"scheduler": "cosine", "learning_rate": 3e-4, "warmup_steps": 1000, "total_steps": STEPS}""",
        """{"scheduler": "cosine_with_restarts", "learning_rate": 1e-4, "warmup_steps": 100, "num_cycles": 7, "total_steps": STEPS}""",
        """{"scheduler": "warmup_stable_decay", "learning_rate": 1e-3, "warmup_steps": 500, "decay_steps": 2000, "total_steps": STEPS}""",
        """{"scheduler": "OneCycleLR", "learning_rate": 0.1, "max_lr": 0.1, "total_steps": STEPS}""",
        """{"scheduler": "StepLR", "learning_rate": 0.1, "step_size": 100000, "gamma": 0.9, "total_steps": STEPS}""",
    };
    var random = new Random(seed);
    var bodies = Enumerable.Range(0, requests).Select(i =>
    {
        var drawn = (long)Math.Round(Math.Pow(10, 6 + (6 * random.NextDouble())));
        var steps = fixedSteps > 0 ? fixedSteps : drawn;
        return (Steps: steps, Body: $$"""{"configs": [{{schedulers[i % schedulers.Length].Replace("STEPS", steps.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}}], "width": 800}""");
    }).ToArray();

    // Warm-up: a few requests so that the JIT's work is not counted as the first requests' latency.
    for (var i = 0; i < 8; i++)
    {
        await Send(http, bodies[i % bodies.Length].Body, CancellationToken.None);
    }

    var baseline = Memory(server);
    var latencies = new double[requests];
    var failures = 0;
    var next = -1;
    var samples = new List<(double Seconds, int Done, long Resident)>();
    using var stop = new CancellationTokenSource(deadline);
    var clock = Stopwatch.StartNew();
    var done = 0;
    var sampler = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested && Volatile.Read(ref done) < requests)
        {
            samples.Add((clock.Elapsed.TotalSeconds, Volatile.Read(ref done), Memory(server).Resident));
            await Task.Delay(100, CancellationToken.None);
        }
    });
    await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int index;
        while (!stop.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < requests)
        {
            var started = Stopwatch.GetTimestamp();
            if (!await Send(http, bodies[index].Body, stop.Token))
            {
                Interlocked.Increment(ref failures);
            }

            latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Interlocked.Increment(ref done);
        }
    })));
    var elapsed = clock.Elapsed;
    await sampler;
    var after = Memory(server);

    var measured = latencies.Take(done).Order().ToArray();
    double Percentile(double p) => measured.Length == 0 ? double.NaN : measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p * measured.Length) - 1)];
    Console.WriteLine();
    Console.WriteLine("| requests | clients | failed | seconds | requests/s | p50 ms | p99 ms | max ms | server RSS before | server RSS after | server peak RSS |");
    Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {done} | {clients} | {failures} | {elapsed.TotalSeconds:F1} | {done / elapsed.TotalSeconds:F1} | {Percentile(0.50):F1} | {Percentile(0.99):F1} | {measured.LastOrDefault():F1} | {Mib(baseline.Resident)} | {Mib(after.Resident)} | {Mib(after.Peak)} |"));
    Console.WriteLine();
    Console.WriteLine("Server memory while the requests ran (resident set, each tenth of the requests):");
    Console.WriteLine();
    Console.WriteLine("| requests done | seconds | RSS |");
    Console.WriteLine("| ---: | ---: | ---: |");
    for (var tenth = 1; tenth <= 10; tenth++)
    {
        var sample = samples.LastOrDefault(s => s.Done <= requests * tenth / 10);
        if (sample != default)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {sample.Done} | {sample.Seconds:F1} | {Mib(sample.Resident)} |"));
        }
    }

    if (done < requests)
    {
        Console.WriteLine($"stopped at the deadline ({deadline.TotalSeconds} s) after {done} of {requests} requests.");
    }

    return failures == 0 ? 0 : 1;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
}

static async Task<bool> Send(HttpClient http, string body, CancellationToken cancellationToken)
{
    using var content = new StringContent(body, Encoding.UTF8);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    try
    {
        using var response = await http.PostAsync(new Uri("/api/curve", UriKind.Relative), content, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode;
    }
    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
    {
        return false;
    }
}

static (long Resident, long Peak) Memory(Process process)
{
    process.Refresh();
    return (process.WorkingSet64, process.PeakWorkingSet64);
}

static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MiB");

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
