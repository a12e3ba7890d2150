namespace Convex.AuthKit.Build.Http;

/// <summary>
/// Sends requests to a loopback host directly and every other request through the machine's proxy settings
/// (docs/architecture.md#safety-rules). The default proxy (HTTP_PROXY, HTTPS_PROXY, the system's) does not exempt
/// loopback, so without this the plain-http credentials of a local control plane would reach the proxy in clear text.
/// </summary>
internal sealed class LoopbackDirectHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _direct;
    private readonly HttpMessageInvoker _proxied;

    /// <param name="direct">A handler that uses no proxy; disposed with this one.</param>
    /// <param name="proxied">A handler with the default proxy settings; disposed with this one.</param>
    public LoopbackDirectHandler(HttpMessageHandler direct, HttpMessageHandler proxied)
    {
        _direct = new HttpMessageInvoker(direct, disposeHandler: true);
        _proxied = new HttpMessageInvoker(proxied, disposeHandler: true);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var loopback = request.RequestUri != null && request.RequestUri.IsAbsoluteUri && TransportSecurity.IsLoopbackHost(request.RequestUri.Host);
        return (loopback ? _direct : _proxied).SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _direct.Dispose();
            _proxied.Dispose();
        }
        base.Dispose(disposing);
    }
}
