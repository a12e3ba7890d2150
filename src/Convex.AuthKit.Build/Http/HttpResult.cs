namespace Convex.AuthKit.Build.Http;

/// <summary>
/// A completed HTTP exchange: status, headers and the body, read exactly once.
/// The body may hold secrets (admin keys, API keys): never log it.
/// </summary>
/// <param name="Body">The whole response body as text (empty when there was none).</param>
/// <param name="Headers">Response and content headers, names case-insensitive, repeated values joined with ", ".</param>
/// <param name="Attempts">How many attempts it took to get this answer.</param>
internal sealed record HttpResult(
    string Method,
    Uri RequestUri,
    int Status,
    string ReasonPhrase,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    int Attempts)
{
    public bool IsSuccess => Status >= 200 && Status <= 299;

    /// <summary>The raw <c>Retry-After</c> header, if any.</summary>
    public string? RetryAfter => Headers.TryGetValue("Retry-After", out var value) ? value : null;

    /// <summary>Deliberately omits the body, which may contain secrets.</summary>
    public override string ToString() => $"{Method} {ServiceFailureException.Printable(RequestUri)} {Status} {ReasonPhrase}";
}
