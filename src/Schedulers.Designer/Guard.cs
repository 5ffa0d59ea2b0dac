using Microsoft.AspNetCore.Http;

namespace Schedulers.Designer;

/// <summary>
/// What every response passes through: security headers (a content-security policy that allows this server's own
/// script, style and connections only), the host check that keeps other web sites from reaching a loopback server
/// through DNS rebinding, and the last word on errors: a problem list, never a stack trace.
/// </summary>
internal sealed class Guard(DesignerSettings settings)
{
    /// <summary>Only this server's own files; images from data: and blob: URLs for the PNG and SVG exports.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "no-store";

        if (settings.IsLoopback && !LoopbackNames.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            await ApiResults.Problems(context, StatusCodes.Status400BadRequest, [$"this server answers only to localhost, not to '{context.Request.Host.Host}'."]).ConfigureAwait(false);
            return;
        }

        try
        {
            await next().ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Kestrel's refusals: a body over the cap (413), a malformed request (400).
            var message = exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"the request body is larger than {settings.MaxRequestBodyBytes} bytes."
                : "the request is malformed.";
            await ApiResults.Problems(context, exception.StatusCode, [message]).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            // A bug of ours, not the user's input: say so, and keep the details (stack, paths) on the server.
            await ApiResults.Problems(context, StatusCodes.Status500InternalServerError, ["the designer failed to answer this request (a bug: please report it with the configuration)."]).ConfigureAwait(false);
        }
    }
}
