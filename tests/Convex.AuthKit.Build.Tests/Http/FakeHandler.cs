using System.Net;
using System.Text;

namespace Convex.AuthKit.Build.Tests.Http;

/// <summary>An in-memory HttpMessageHandler: answers from a script, one step per request, and records what it got.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();

    public List<RecordedRequest> Requests { get; } = new();

    public FakeHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public FakeHandler ThenRespond(HttpStatusCode status, string body = "", Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    public FakeHandler ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>Never answers; only the token ends it.</summary>
    public FakeHandler ThenHang() => Then(async (_, token) =>
    {
        await Task.Delay(Timeout.Infinite, token);
        throw new InvalidOperationException("unreachable");
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content == null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method.Method,
                request.RequestUri!,
                request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
                request.Content?.Headers.ContentType?.ToString(),
                body));
        }

        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        lock (_script)
        {
            if (_script.Count == 0)
            {
                throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}");
            }

            step = _script.Dequeue();
        }

        var response = await step(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string? Body);
