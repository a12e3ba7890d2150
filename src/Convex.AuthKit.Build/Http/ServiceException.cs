namespace Convex.AuthKit.Build.Http;

/// <summary>
/// The service answered with an error status. Callers decide by <see cref="Code"/> (the error body's <c>code</c>),
/// not by the status alone.
/// </summary>
internal sealed class ServiceException : ServiceFailureException
{
    public ServiceException(
        ServiceKind service,
        string method,
        Uri requestUri,
        int status,
        string reasonPhrase,
        string? code,
        string? serviceMessage)
        : base(service, BuildMessage(method, requestUri, status, reasonPhrase, code, serviceMessage))
    {
        Status = status;
        Code = code;
        ServiceMessage = serviceMessage;
    }

    public int Status { get; }

    /// <summary>The error body's <c>code</c>, e.g. <c>DeploymentNotFound</c>; null when the body had none.</summary>
    public string? Code { get; }

    /// <summary>The error body's <c>message</c>, with any credential the client knows redacted.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The Convex CLI's wording: <c>Error fetching POST &lt;url&gt; 403 Forbidden: &lt;code&gt;: &lt;message&gt;</c>.</summary>
    private static string BuildMessage(string method, Uri requestUri, int status, string reasonPhrase, string? code, string? serviceMessage)
    {
        var text = $"Error fetching {method} {Printable(requestUri)} {status} {reasonPhrase}".TrimEnd();
        if (code != null && serviceMessage != null)
        {
            return $"{text}: {code}: {serviceMessage}";
        }

        if (code != null || serviceMessage != null)
        {
            return $"{text}: {code ?? serviceMessage}";
        }

        return text;
    }
}
