using System.Reflection;

namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>The <c>Convex-Client</c> header this package sends to Big Brain and to deployments.</summary>
internal static class ConvexClientInfo
{
    public const string HeaderName = "Convex-Client";

    /// <summary>The task assembly's informational version without build metadata, e.g. <c>0.1.0-dev</c>.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>e.g. <c>convex-authkit-build-0.1.0-dev</c>.</summary>
    public static string HeaderValue { get; } = "convex-authkit-build-" + Version;

    private static string ReadVersion()
    {
        var assembly = typeof(ConvexClientInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString() ?? "0.0.0";
        }

        var plus = informational!.IndexOf('+');
        return plus >= 0 ? informational.Substring(0, plus) : informational;
    }
}
