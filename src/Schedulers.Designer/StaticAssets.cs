using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Schedulers.Designer;

/// <summary>The page's files, served from this assembly's resources: the tool carries its page, and reads no folder.</summary>
internal static class StaticAssets
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "wwwroot/index.html", "text/html; charset=utf-8"),
        ("/app.js", "wwwroot/app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "wwwroot/app.css", "text/css; charset=utf-8"),
        ("/favicon.svg", "wwwroot/favicon.svg", "image/svg+xml"),
    ];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            endpoints.MapGet(path, context =>
            {
                context.Response.ContentType = contentType;
                return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
            });
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page resource '{resource}' is missing from the assembly (a build error).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
