namespace Convex.AuthKit.Build.Http;

/// <summary>Base of every failure talking to a remote service. Messages never contain credentials.</summary>
internal abstract class ServiceFailureException : Exception
{
    protected ServiceFailureException(ServiceKind service, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Service = service;
    }

    public ServiceKind Service { get; }

    /// <summary>The URI for messages, without any user-info part (which could hold a password).</summary>
    public static string Printable(Uri uri)
    {
        if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri.ToString();
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();
    }

    /// <summary>A human name for the service, for messages.</summary>
    protected static string DisplayName(ServiceKind service) => service switch
    {
        ServiceKind.BigBrain => "the Convex management API",
        ServiceKind.Deployment => "the Convex deployment",
        ServiceKind.WorkOS => "the WorkOS API",
        _ => service.ToString(),
    };
}
