using System.Net;
using System.Text;

namespace Convex.AuthKit.Build.Http;

/// <summary>
/// The one place for timeouts, retries, <c>Retry-After</c>, cancellation and the HTTPS rule (docs/architecture.md#faults-retries-and-partial-failure, docs/architecture.md#safety-rules).
/// Every attempt builds a fresh request; every body is read exactly once. Thread-safe.
/// </summary>
internal sealed class ResilientHttpClient : IDisposable
{
    /// <summary>The largest response body read, after decompression (docs/architecture.md#faults-retries-and-partial-failure).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly HttpClient _http;
    private readonly HttpPolicy _policy;

    /// <summary>Sends through <paramref name="handler"/> (tests pass a fake one) and disposes it with the client.</summary>
    public ResilientHttpClient(HttpMessageHandler handler, HttpPolicy policy)
    {
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _policy = policy;
        if (policy.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(policy), "MaxAttempts must be at least 1.");
        }
    }

    /// <summary>Uses <see cref="CreateDefaultHandler"/>.</summary>
    public ResilientHttpClient(HttpPolicy policy)
        : this(CreateDefaultHandler(), policy)
    {
    }

    /// <summary>Called before each retry (from the thread that sends); meant for low-importance logging.</summary>
    public Action<HttpRetryNotice>? Retrying { get; set; }

    /// <summary>
    /// A handler that follows no redirects (a redirect must not carry a credential elsewhere), keeps no cookies, and
    /// sends to loopback hosts without a proxy.
    /// </summary>
    private static LoopbackDirectHandler CreateDefaultHandler() =>
        new LoopbackDirectHandler(CreateHandler(useProxy: false), CreateHandler(useProxy: true));

    private static HttpClientHandler CreateHandler(bool useProxy) => new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = useProxy,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
    };

    /// <summary>
    /// Sends the request made by <paramref name="createRequest"/>, retrying as <paramref name="mode"/> allows.
    /// Returns any answer the retries end on, error statuses included; throws
    /// <see cref="ServiceUnreachableException"/> when no answer came, <see cref="InsecureTransportException"/>
    /// before sending a credential over plain HTTP to a non-loopback host, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task<HttpResult> SendAsync(ServiceKind service, Func<HttpRequestMessage> createRequest, RetryMode mode, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mayRetry = attempt < _policy.MaxAttempts;
            string method;
            Uri uri;
            string reason;
            string? retryAfter = null;

            using (var request = createRequest())
            {
                method = request.Method.Method;
                uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(createRequest));
                if (request.Headers.Authorization != null && !TransportSecurity.MaySendCredentials(uri))
                {
                    throw new InsecureTransportException(service, uri);
                }

                try
                {
                    var result = await SendOnceAsync(service, request, method, uri, attempt, cancellationToken).ConfigureAwait(false);
                    if (!(mayRetry && IsRetryableStatus(result.Status, mode)))
                    {
                        return result;
                    }

                    reason = $"{result.Status} {result.ReasonPhrase}".TrimEnd();
                    retryAfter = result.RetryAfter;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex)
                {
                    reason = $"no answer within {_policy.RequestTimeout.TotalSeconds:0.###} s";
                    if (!(mayRetry && mode == RetryMode.Idempotent))
                    {
                        throw new ServiceUnreachableException(service, method, uri, UnreachableReason.TimedOut, attempt, reason, ex);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
                {
                    reason = DescribeConnectionFailure(ex);
                    if (!(mayRetry && mode == RetryMode.Idempotent))
                    {
                        throw new ServiceUnreachableException(service, method, uri, UnreachableReason.ConnectionFailed, attempt, reason, ex);
                    }
                }
            }

            var delay = RetryDelays.Compute(_policy, attempt, retryAfter);
            Retrying?.Invoke(new HttpRetryNotice(service, method, uri, attempt, _policy.MaxAttempts, delay, reason));
            await _policy.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResult> SendOnceAsync(ServiceKind service, HttpRequestMessage request, string method, Uri uri, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_policy.RequestTimeout);

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        string? body;
        // Disposing the response ends a read that does not watch the token (the .NET Framework's streams).
        using (timeout.Token.Register(response.Dispose))
        {
            try
            {
                body = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (timeout.IsCancellationRequested && !(ex is OperationCanceledException))
            {
                throw new OperationCanceledException("The response body did not arrive in time.", ex, timeout.Token);
            }
        }

        if (body == null)
        {
            // Deterministic, like any malformed answer: not retried (docs/architecture.md#faults-retries-and-partial-failure).
            throw new MalformedResponseException(service, method, uri, (int)response.StatusCode, $"the body is larger than {MaxBodyBytes / (1024 * 1024)} MiB");
        }

        return new HttpResult(method, uri, (int)response.StatusCode, response.ReasonPhrase ?? string.Empty, body, CollectHeaders(response), attempt);
    }

    /// <summary>
    /// The body as text, or null when it is larger than <see cref="MaxBodyBytes"/> once decompressed: reading stops
    /// there, so neither a huge answer nor a small compressed one that inflates can exhaust memory.
    /// </summary>
    private static async Task<string?> ReadBodyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        if (content == null)
        {
            return string.Empty;
        }

        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var bytes = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            if (bytes.Length + read > MaxBodyBytes)
            {
                return null;
            }

            bytes.Write(chunk, 0, read);
        }

        bytes.Position = 0;
        using var reader = new StreamReader(bytes, EncodingOf(content), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>The charset the answer names, else UTF-8 (a byte order mark still wins, as in ReadAsStringAsync).</summary>
    private static Encoding EncodingOf(HttpContent content)
    {
        var charset = content.Headers.ContentType?.CharSet?.Trim('"', ' ');
        if (!string.IsNullOrEmpty(charset))
        {
            try
            {
                return Encoding.GetEncoding(charset);
            }
            catch (ArgumentException)
            {
                // An unknown charset: JSON is UTF-8.
            }
        }

        return new UTF8Encoding(false);
    }

    private static bool IsRetryableStatus(int status, RetryMode mode) => mode switch
    {
        RetryMode.Idempotent => status == 429 || status == 502 || status == 503 || status == 504,
        RetryMode.ThrottleOnly => status == 429 || status == 503,
        _ => false,
    };

    private static Dictionary<string, string> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> all = response.Headers;
        if (response.Content != null)
        {
            all = all.Concat(response.Content.Headers);
        }

        foreach (var header in all)
        {
            var joined = string.Join(", ", header.Value);
            headers[header.Key] = headers.TryGetValue(header.Key, out var existing) ? existing + ", " + joined : joined;
        }

        return headers;
    }

    private static string DescribeConnectionFailure(Exception ex)
    {
        // The innermost message names the socket error ("Connection refused", "No such host is known"); no secrets.
        var inner = ex;
        while (inner.InnerException != null)
        {
            inner = inner.InnerException;
        }

        return ReferenceEquals(inner, ex) ? ex.Message : $"{ex.Message} ({inner.Message})";
    }
}
