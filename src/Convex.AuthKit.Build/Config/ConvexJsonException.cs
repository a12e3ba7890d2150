using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// <c>convex.json</c> cannot be used: it is not JSON, or it is JSON that breaks the schema.
/// <see cref="Exception.Message"/> is the line the CLI prints.
/// </summary>
internal sealed class ConvexJsonException : Exception
{
    public ConvexJsonException(string message, DiagnosticLocation? location = null) : base(message)
    {
        Location = location;
    }

    /// <summary>The file, and the line and column of the problem when known; null when the file was not named.</summary>
    public DiagnosticLocation? Location { get; }
}
