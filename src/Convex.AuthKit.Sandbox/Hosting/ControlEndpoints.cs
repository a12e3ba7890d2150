using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>
/// /_sandbox/* on the Big Brain port, for tests in another process: GET state (state, secretFields, masked
/// request log), GET requests, POST faults (a SandboxFault), DELETE faults, POST latency {ms}, POST reset-requests.
/// Not logged, not delayed, not subject to faults.
/// </summary>
internal sealed class ControlEndpoints
{
    private readonly SandboxServer server;

    public ControlEndpoints(SandboxServer server) => this.server = server;

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
            body = await reader.ReadToEndAsync(context.RequestAborted);
        SandboxReply reply;
        try
        {
            reply = Answer(method, path, body);
        }
        catch (Exception e) when (e is JsonException || e is ArgumentException || e is FormatException)
        {
            reply = SandboxReply.Error(400, "BadControlRequest", e.Message);
        }
        await SandboxPipeline.WriteAsync(context, reply, context.RequestAborted);
    }

    private SandboxReply Answer(string method, string path, string body)
    {
        switch (method + " " + path)
        {
            case "GET /_sandbox/state":
                return SandboxReply.Json(200, new JObject
                {
                    ["state"] = ToJson(server.Snapshot()),
                    ["secretFields"] = new JArray(SandboxState.SecretFields.Cast<object>().ToArray()),
                    ["requests"] = ToJson(server.Requests),
                });
            case "GET /_sandbox/requests":
                return SandboxReply.Json(200, ToJson(server.Requests));
            case "POST /_sandbox/faults":
                server.InjectFault(JsonConvert.DeserializeObject<SandboxFault>(body, SandboxJson.Settings)
                    ?? throw new FormatException("Send a fault object."));
                return SandboxReply.Json(200, new JObject());
            case "DELETE /_sandbox/faults":
                server.ClearFaults();
                return SandboxReply.Json(200, new JObject());
            case "POST /_sandbox/latency":
                var ms = JObject.Parse(body)["ms"]?.Value<int>() ?? throw new FormatException("Send {\"ms\": N}.");
                if (ms < 0) throw new ArgumentException("ms must be >= 0.");
                server.Latency = TimeSpan.FromMilliseconds(ms);
                return SandboxReply.Json(200, new JObject());
            case "POST /_sandbox/reset-requests":
                server.ClearRequests();
                return SandboxReply.Json(200, new JObject());
            default:
                return SandboxReply.Error(404, "NotFound", "Unknown control endpoint " + method + " " + path);
        }
    }

    private static JToken ToJson(object value) => JToken.FromObject(value, JsonSerializer.Create(SandboxJson.Settings));
}
