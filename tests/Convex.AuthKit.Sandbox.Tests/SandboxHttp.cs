using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Sandbox.Tests;

/// <summary>Raw HTTP against the sandbox: no client code of the task is involved.</summary>
internal static class SandboxHttp
{
    private static readonly HttpClient Client = new HttpClient(new SocketsHttpHandler { UseProxy = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static Task<Answer> Send(string method, Uri baseUrl, string path, string? authorization = null, string? json = null,
        HttpClient? client = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(baseUrl, path));
        if (authorization != null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return SendAsync(client ?? Client, request);
    }

    public static Task<Answer> Post(Uri baseUrl, string path, string? authorization, object body) =>
        Send("POST", baseUrl, path, authorization, body is string s ? s : JToken.FromObject(body).ToString());

    public static Task<Answer> Get(Uri baseUrl, string path, string? authorization = null) => Send("GET", baseUrl, path, authorization);

    private static async Task<Answer> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.First() : null;
        return new Answer((int)response.StatusCode, body, response.Content.Headers.ContentType, retryAfter);
    }

    public static string Bearer(string token) => "Bearer " + token;

    public static string ConvexKey(string key) => "Convex " + key;
}

internal sealed record Answer(int Status, string Body, MediaTypeHeaderValue? ContentType, string? RetryAfter)
{
    public JToken Json => JToken.Parse(Body);

    public string? Code => Json["code"]?.ToString();

    public string? Message => Json["message"]?.ToString();

    public bool IsJson => ContentType?.MediaType == "application/json";

    public override string ToString() => Status + " " + Body;
}
