namespace Convex.AuthKit.Build.Http;

/// <summary>A credential would have gone over plain HTTP to a host that isn't loopback; nothing was sent.</summary>
internal sealed class InsecureTransportException : ServiceFailureException
{
    public InsecureTransportException(ServiceKind service, Uri requestUri)
        : base(service, $"Refusing to send credentials for {DisplayName(service)} to {Printable(new Uri(requestUri.GetLeftPart(UriPartial.Authority)))}: credentials are only sent over HTTPS, or plain HTTP to a loopback address (127.0.0.0/8, ::1, localhost).")
    {
    }
}
