namespace Convex.AuthKit.Build.Config;

/// <summary>
/// The <c>authKit.dev</c> section used when <c>convex.json</c> has no <c>authKit</c> key but the auth config uses
/// <c>WORKOS_CLIENT_ID</c> (docs/architecture.md#framework-defaults): the official templates' dev sections for origin O.
/// </summary>
internal static class FrameworkDefaults
{
    private const string ClientIdTemplate = "${authEnv.WORKOS_CLIENT_ID}";
    private const string ApiKeyTemplate = "${authEnv.WORKOS_API_KEY}";

    public static AuthKitEnvironmentConfig For(FrameworkInfo framework, string origin)
    {
        if (framework == null) throw new ArgumentNullException(nameof(framework));
        if (string.IsNullOrEmpty(origin)) throw new ArgumentException("The dev origin is empty.", nameof(origin));
        origin = origin.TrimEnd('/');
        var callback = origin + "/callback";

        var configure = new ConfigureSection(RedirectUris: new[] { callback }, AppHomepageUrl: origin, CorsOrigins: new[] { origin });
        return new AuthKitEnvironmentConfig(Configure: configure, LocalEnvVars: LocalEnvVars(framework, callback));
    }

    /// <summary>Whether the env file also gets a generated <c>WORKOS_COOKIE_PASSWORD</c> (docs/protocol.md#env-file-writes).</summary>
    public static bool WantsCookiePassword(FrameworkInfo framework) =>
        framework.DetectedFramework is FrameworkInfo.NextJs or FrameworkInfo.TanStackStart;

    private static KeyValuePair<string, string>[] LocalEnvVars(FrameworkInfo framework, string callback)
    {
        switch (framework.DetectedFramework)
        {
            case FrameworkInfo.Vite:
                return new[] { Pair("VITE_WORKOS_CLIENT_ID", ClientIdTemplate), Pair("VITE_WORKOS_REDIRECT_URI", callback) };
            case FrameworkInfo.NextJs:
                return new[]
                {
                    Pair("WORKOS_CLIENT_ID", ClientIdTemplate), Pair("WORKOS_API_KEY", ApiKeyTemplate), Pair("NEXT_PUBLIC_WORKOS_REDIRECT_URI", callback),
                };
            case FrameworkInfo.TanStackStart:
                return new[]
                {
                    Pair("WORKOS_CLIENT_ID", ClientIdTemplate), Pair("WORKOS_API_KEY", ApiKeyTemplate), Pair("WORKOS_REDIRECT_URI", callback),
                };
            default:
                var prefix = framework.PublicPrefix ?? "";
                return new[] { Pair(prefix + "WORKOS_CLIENT_ID", ClientIdTemplate), Pair(prefix + "WORKOS_REDIRECT_URI", callback) };
        }
    }

    private static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);
}
