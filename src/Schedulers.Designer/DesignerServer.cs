using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Schedulers.Designer;

/// <summary>
/// The designer's web server: the page (embedded in this assembly) and its JSON API on Kestrel. Built from an empty
/// host so that nothing is read from disk or the environment: no appsettings, no static files, no developer pages.
/// </summary>
public sealed class DesignerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DesignerServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the address the page is served at, with the port actually taken.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server.</summary>
    /// <param name="settings">Where to listen and what to offer.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<DesignerServer> StartAsync(DesignerSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DesignerServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes;
            kestrel.Listen(settings.Host, settings.Port);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use(new Guard(settings).InvokeAsync);
        new DesignerApi(settings).Map(app);
        StaticAssets.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var port = new Uri(bound.Replace("*", "localhost", StringComparison.Ordinal)).Port;

        // The page's address: a wildcard listener is reached through loopback from this machine.
        var host = settings.Host.Equals(IPAddress.Any) || settings.Host.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : settings.Host;
        var address = new Uri($"http://{new IPEndPoint(host, port)}/");
        return new DesignerServer(app, address);
    }

    /// <summary>Waits until the server stops: Ctrl+C, SIGTERM, or <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that ends when the server has stopped.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
