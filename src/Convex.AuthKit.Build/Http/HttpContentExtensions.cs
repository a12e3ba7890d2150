#if NETFRAMEWORK

namespace Convex.AuthKit.Build.Http;

/// <summary>The overload net8.0 has and net472 lacks, so both targets read a body the same way.</summary>
internal static class HttpContentExtensions
{
    /// <summary>The body's stream; the caller's reads watch the token (and dispose the response to stop one that does not).</summary>
    public static Task<Stream> ReadAsStreamAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStreamAsync();
    }
}
#endif
