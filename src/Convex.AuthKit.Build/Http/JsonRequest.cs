using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Http;

/// <summary>
/// Builds one HTTP request with a JSON body (or none), the given headers and the package's User-Agent: the one place
/// every request to Convex and WorkOS is made.
/// </summary>
internal static class JsonRequest
{
    /// <summary>
    /// <paramref name="body"/> null sends no body and no Content-Type (as the CLI's GETs); otherwise the compact JSON
    /// with <c>Content-Type: application/json</c>.
    /// </summary>
    public static HttpRequestMessage Create(
        HttpMethod method,
        Uri uri,
        JToken? body,
        AuthenticationHeaderValue authorization,
        IEnumerable<KeyValuePair<string, string>>? extraHeaders = null)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = authorization;
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
        if (extraHeaders != null)
        {
            foreach (var header in extraHeaders)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (body != null)
        {
            var content = new ByteArrayContent(new UTF8Encoding(false).GetBytes(JsonBody.Serialize(body)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Content = content;
        }

        return request;
    }

    /// <summary><paramref name="baseUri"/> followed by <paramref name="relativePath"/>, with exactly one '/' between.</summary>
    public static Uri Combine(Uri baseUri, string relativePath)
    {
        var left = baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(left + "/" + relativePath.TrimStart('/'), UriKind.Absolute);
    }
}
