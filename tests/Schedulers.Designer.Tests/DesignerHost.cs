using System.Net;
using Schedulers.Cli;

namespace Schedulers.Designer.Tests;

/// <summary>The designer as <c>schedulers serve</c> starts it (the command line's imports and exports), on a free loopback port.</summary>
public sealed class DesignerHost : IAsyncLifetime
{
    private DesignerServer? _server;

    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await DesignerServer.StartAsync(ServeCommand.Settings(IPAddress.Loopback, 0));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
