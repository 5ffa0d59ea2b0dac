using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Schedulers.Designer;

/// <summary>The API's answers: JSON written with <see cref="Utf8JsonWriter"/>, problems in one shape everywhere.</summary>
internal static class ApiResults
{
    /// <summary>Problems of no particular key; <paramref name="more"/> writes further properties (an import's kind).</summary>
    public static Task Problems(HttpContext context, int status, IEnumerable<string> messages, Action<Utf8JsonWriter>? more = null) =>
        Json(context, status, json =>
        {
            more?.Invoke(json);
            json.WriteStartArray("problems");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteStartArray("keys");
                json.WriteEndArray();
                json.WriteString("message", message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });

    /// <summary>The library's refusal, key by key, so that the page puts each message next to its field.</summary>
    public static Task Problems(HttpContext context, IEnumerable<ConfigurationProblem> problems, int? index = null, Action<Utf8JsonWriter>? more = null) =>
        Json(context, StatusCodes.Status400BadRequest, json =>
        {
            more?.Invoke(json);
            if (index is { } at)
            {
                json.WriteNumber("index", at);
            }

            json.WriteStartArray("problems");
            foreach (var problem in problems)
            {
                json.WriteStartObject();
                json.WriteStartArray("keys");
                foreach (var key in problem.Keys)
                {
                    json.WriteStringValue(key);
                }

                json.WriteEndArray();
                json.WriteString("message", problem.Message);
                json.WriteString("received", problem.ReceivedValue);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });

    public static async Task Json(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
