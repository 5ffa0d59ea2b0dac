using System.CommandLine;
using System.Diagnostics;
using System.Net;

namespace Schedulers.Cli;

/// <summary>
/// <c>schedulers serve</c>: the schedule designer, a page in the browser served from this process. Loopback only
/// unless <c>--host</c> says otherwise, and then with a warning: the page has no login.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port")
        {
            Description = "The port to listen on. Default: a free one, printed on start.",
            HelpName = "PORT",
            DefaultValueFactory = _ => 0,
        };
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on. Default 127.0.0.1 (this machine only); another address lets other machines in, with a warning.",
            HelpName = "ADDRESS",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var open = new Option<bool>("--open") { Description = "Open the page in the default browser." };
        var command = new Command("serve", "Design a schedule in the browser: a form from the catalog, the live curve, imports and exports (Ctrl+C stops it).")
        {
            port,
            host,
            open,
        };
        command.SetAction(parseResult =>
        {
            var settings = Settings(Address(parseResult.GetValue(host)!), CheckedPort(parseResult.GetValue(port)));
            if (!settings.IsLoopback)
            {
                error.WriteLine($"warning: listening on {settings.Host}, not on loopback: anyone who can reach this machine can use the designer (it has no login). It reads no files and keeps nothing, but use --host only on a network you trust.");
            }

            DesignerServer server;
            try
            {
                server = DesignerServer.StartAsync(settings).GetAwaiter().GetResult();
            }
            catch (IOException exception)
            {
                throw new UsageException($"cannot listen on {settings.Host}:{settings.Port}: {exception.Message}");
            }

            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, args) =>
            {
                args.Cancel = true;
                stop.Cancel();
            };
            output.WriteLine($"Schedulers designer: {server.Address} (Ctrl+C stops it)");
            output.Flush();
            if (parseResult.GetValue(open))
            {
                OpenBrowser(server.Address, error);
            }

            try
            {
                server.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult();
            }
            finally
            {
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What the designer offers: the catalog as <c>describe --format json</c> prints it, and the command line's imports and exports.</summary>
    public static DesignerSettings Settings(IPAddress host, int port) => new(DescribeCommand.Json(SchedulerCatalog.All))
    {
        Host = host,
        Port = port,
        ImportSources = DesignerImports.All,
        DetectImport = DesignerImportDetection.Detect,
        ExportFormats = DesignerExports.All,
    };

    private static IPAddress Address(string text) => text.Trim().ToLowerInvariant() switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        var other => IPAddress.TryParse(other.Trim('[', ']'), out var address)
            ? address
            : throw new UsageException($"--host {text}: give an IP address (127.0.0.1, ::1, 0.0.0.0) or localhost."),
    };

    private static int CheckedPort(int port) =>
        port is >= 0 and <= 65_535 ? port : throw new UsageException($"--port {port} is not a port: expected 0 (a free one) to 65535.");

    private static void OpenBrowser(Uri address, TextWriter error)
    {
        try
        {
            // The shell's handler for http URLs: the default browser on Windows, macOS (open) and Linux (xdg-open).
            using var process = Process.Start(new ProcessStartInfo(address.ToString()) { UseShellExecute = true });
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            error.WriteLine($"warning: could not open a browser ({exception.Message}); open {address} yourself.");
        }
    }
}
