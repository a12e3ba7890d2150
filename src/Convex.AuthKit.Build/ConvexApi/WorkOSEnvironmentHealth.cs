namespace Convex.AuthKit.Build.ConvexApi;

/// <summary>
/// The answer of <c>deployments/&lt;name&gt;/workos_environment_health</c>: the WorkOS environment Convex recorded for the
/// deployment, or <see cref="Missing"/> when Big Brain answers <see cref="ConvexErrorCodes.WorkOSEnvironmentNotProvisioned"/>.
/// </summary>
internal sealed record WorkOSEnvironmentHealth(bool Exists, string? Id, string? Name, string? ClientId)
{
    public static readonly WorkOSEnvironmentHealth Missing = new(false, null, null, null);

    public static WorkOSEnvironmentHealth Found(string id, string name, string clientId) => new(true, id, name, clientId);
}
