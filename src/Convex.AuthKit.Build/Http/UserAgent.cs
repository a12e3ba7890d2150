
namespace Convex.AuthKit.Build.Http;

/// <summary>
/// The User-Agent of every request (docs/protocol.md#request-conventions), e.g. <c>Convex.AuthKit.Build/0.1.0 (.NET 8; MSBuild)</c>:
/// the package, its version and the runtime MSBuild runs the task on, so a service can tell this client's requests
/// apart. Never anything about the machine or the user.
/// </summary>
internal static class UserAgent
{
    public static readonly string Value = "Convex.AuthKit.Build/" + PackageVersion.Value + " (" + Runtime() + "; MSBuild)";

    private static string Runtime()
    {
#if NETFRAMEWORK
        return Type.GetType("Mono.Runtime") != null ? "Mono" : ".NET Framework";
#else
        return ".NET " + Environment.Version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture);
#endif
    }
}
