using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>An answer computed under the state lock and written afterwards (so a fault can replace it).</summary>
internal sealed class SandboxReply
{
    public int Status { get; }
    public string Body { get; }
    public string? ContentType { get; }
    public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();

    public SandboxReply(int status, string body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public static SandboxReply Json(int status, JToken value) =>
        new SandboxReply(status, value.ToString(Formatting.None), "application/json");

    /// <summary>The <c>{"code":…,"message":…}</c> body that Big Brain, deployments and WorkOS all use.</summary>
    public static SandboxReply Error(int status, string code, string message) =>
        Json(status, new JObject { ["code"] = code, ["message"] = message });

    public static SandboxReply Text(int status, string text) => new SandboxReply(status, text, "text/plain; charset=utf-8");

    public static SandboxReply Empty(int status) => new SandboxReply(status, "", null);

    /// <summary>A body from a fault: JSON when it parses as JSON, else plain text.</summary>
    public static SandboxReply Raw(int status, string? body)
    {
        if (string.IsNullOrEmpty(body)) return Empty(status);
        try
        {
            JToken.Parse(body!);
            return new SandboxReply(status, body!, "application/json");
        }
        catch (JsonReaderException)
        {
            return Text(status, body!);
        }
    }
}
