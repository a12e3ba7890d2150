namespace Convex.AuthKit.Build.Config;

/// <summary>
/// <c>convex.json</c> cannot be used: it is not JSON, or it is JSON that breaks the schema.
/// <see cref="Exception.Message"/> is the line the CLI prints.
/// </summary>
internal sealed class ConvexJsonException : Exception
{
    public ConvexJsonException(string message) : base(message)
    {
    }
}
