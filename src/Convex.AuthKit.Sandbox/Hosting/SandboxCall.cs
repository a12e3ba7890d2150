using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Hosting;

/// <summary>One request, as the service handlers see it.</summary>
internal sealed class SandboxCall
{
    public SandboxService Service { get; }
    public string Method { get; }
    public string Path { get; }
    /// <summary>The query string with its <c>?</c>, or empty.</summary>
    public string Query { get; }
    public string Body { get; }
    public SandboxCredential Credential { get; }

    public SandboxCall(SandboxService service, string method, string path, string body, SandboxCredential credential, string query = "")
    {
        Query = query;
        Service = service;
        Method = method;
        Path = path;
        Body = body;
        Credential = credential;
    }

    /// <summary>The body as a JSON object, or null when it is empty, not JSON, or not an object.</summary>
    public JObject? JsonObject()
    {
        if (string.IsNullOrWhiteSpace(Body)) return null;
        try
        {
            return JToken.Parse(Body, new JsonLoadSettings()) as JObject;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    public bool Is(string method, string path) => Method == method && Path == path;
}
