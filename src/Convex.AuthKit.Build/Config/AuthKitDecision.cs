namespace Convex.AuthKit.Build.Config;

internal enum AuthKitDecisionKind
{
    /// <summary>Nothing to provision; <see cref="AuthKitDecision.Reason"/> says why.</summary>
    NotWanted,

    /// <summary>Trigger (a): convex.json's authKit.dev, used as the CLI uses it.</summary>
    ConvexJsonDev,

    /// <summary>Trigger (b): no authKit key, the auth config or a file it imports uses WORKOS_CLIENT_ID (or the WorkOS AuthKit component); the framework defaults apply.</summary>
    FrameworkDefaults,
}

/// <summary>Whether the build provisions AuthKit for the Convex app, with what, and why (docs/architecture.md#triggers).</summary>
/// <param name="Reason">One line for the log, e.g. <c>convex.json authKit.dev</c>.</param>
/// <param name="Dev">The effective dev section; null when not wanted.</param>
/// <param name="Framework">The detected framework; null when not wanted.</param>
/// <param name="DevOrigin">The dev origin, when it was computed (both triggers); null otherwise.</param>
/// <param name="WantsCookiePassword">The env file also gets a generated WORKOS_COOKIE_PASSWORD (Next.js / TanStack Start with localEnvVars).</param>
/// <param name="ProjectConfig">The parsed convex.json (its <see cref="ConvexProjectConfig.Warnings"/> are the CLI's lines); null without one.</param>
/// <param name="FilesRead">Full paths of the files whose content decided this (hash them for the stamp).</param>
/// <param name="FilesProbed">Full paths of candidate files that did not exist (their appearance would change the decision).</param>
internal sealed record AuthKitDecision(
    AuthKitDecisionKind Kind,
    string Reason,
    AuthKitEnvironmentConfig? Dev,
    FrameworkInfo? Framework,
    DevOrigin? DevOrigin,
    bool WantsCookiePassword,
    ConvexProjectConfig? ProjectConfig,
    IReadOnlyList<AuthKitWarning> Warnings,
    IReadOnlyList<string> FilesRead,
    IReadOnlyList<string> FilesProbed)
{
    public bool IsWanted => Kind != AuthKitDecisionKind.NotWanted;

    /// <summary>
    /// The file (relative to the app) of the auth config's import closure that imports the WorkOS AuthKit component,
    /// which needs WORKOS_WEBHOOK_SECRET on the deployment (CAK2109); null when the component is not in use.
    /// </summary>
    public string? AuthKitComponentFile { get; init; }

    /// <summary>The events the component's webhook endpoint carries; null when the component is not in use.</summary>
    public AuthKitEventTypes? AuthKitComponentEvents { get; init; }

    /// <summary>Build environment variables whose value decided this (a vite.config port read from <c>process.env</c>): stamp inputs.</summary>
    public IReadOnlyList<string> VariablesRead { get; init; } = Array.Empty<string>();
}
