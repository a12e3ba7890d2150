#if NETFRAMEWORK

namespace Convex.AuthKit.Build.Http;

/// <summary>The overload net8.0 has and net472 lacks, so both targets read a body the same way.</summary>
internal static class HttpContentExtensions
{
    /// <summary>Reads the body as text; our bodies are already buffered (ResponseContentRead), so no network wait.</summary>
    public static Task<string> ReadAsStringAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStringAsync();
    }
}
#endif
