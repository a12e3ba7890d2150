namespace Convex.AuthKit.Build.Config;

/// <summary><c>package.json</c> exists but cannot be read as the CLI reads it.</summary>
internal sealed class PackageJsonException : Exception
{
    public PackageJsonException(string message, Exception? inner = null) : base(message, inner) { }
}
