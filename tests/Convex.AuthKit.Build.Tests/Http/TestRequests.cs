using System.Net.Http.Headers;

namespace Convex.AuthKit.Build.Tests.Http;

/// <summary>Requests for the fake-handler tests of ResilientHttpClient.</summary>
internal static class TestRequests
{
    public static readonly Uri Target = new("https://api.example.test/api/thing");

    public static HttpRequestMessage New(Uri? uri = null, bool withCredential = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri ?? Target) { Content = new StringContent("{}") };
        if (withCredential) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret-token");
        return request;
    }
}
