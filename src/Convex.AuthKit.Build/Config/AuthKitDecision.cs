using System.Collections.Generic;

namespace Convex.AuthKit.Build.Config;

public enum AuthKitDecisionKind
{
    /// <summary>Nothing to provision; <see cref="AuthKitDecision.Reason"/> says why.</summary>
    NotWanted,

    /// <summary>Trigger (a): convex.json's authKit.dev, used as the CLI uses it.</summary>
    ConvexJsonDev,

    /// <summary>Trigger (b): no authKit key, the auth config uses WORKOS_CLIENT_ID; the framework defaults apply.</summary>
    FrameworkDefaults,
}

/// <summary>Whether the build provisions AuthKit for the Convex app, with what, and why (docs/architecture.md#triggers).</summary>
public sealed class AuthKitDecision
{
    internal AuthKitDecision(
        AuthKitDecisionKind kind, string reason, AuthKitEnvironmentConfig? dev, FrameworkInfo? framework, DevOrigin? devOrigin,
        bool wantsCookiePassword, ConvexProjectConfig? projectConfig, string? authConfigFile, IReadOnlyList<AuthKitWarning> warnings,
        IReadOnlyList<string> filesRead, IReadOnlyList<string> filesProbed)
    {
        Kind = kind;
        Reason = reason;
        Dev = dev;
        Framework = framework;
        DevOrigin = devOrigin;
        WantsCookiePassword = wantsCookiePassword;
        ProjectConfig = projectConfig;
        AuthConfigFile = authConfigFile;
        Warnings = warnings;
        FilesRead = filesRead;
        FilesProbed = filesProbed;
    }

    public AuthKitDecisionKind Kind { get; }
    public bool IsWanted => Kind != AuthKitDecisionKind.NotWanted;

    /// <summary>One line for the log, e.g. <c>convex.json authKit.dev</c>.</summary>
    public string Reason { get; }

    /// <summary>The effective dev section; null when not wanted.</summary>
    public AuthKitEnvironmentConfig? Dev { get; }

    /// <summary>The detected framework; null when not wanted.</summary>
    public FrameworkInfo? Framework { get; }

    /// <summary>The dev origin, when it was computed (both triggers); null otherwise.</summary>
    public DevOrigin? DevOrigin { get; }

    /// <summary>The env file also gets a generated WORKOS_COOKIE_PASSWORD (Next.js / TanStack Start with localEnvVars).</summary>
    public bool WantsCookiePassword { get; }

    /// <summary>The parsed convex.json (its <see cref="ConvexProjectConfig.Warnings"/> are the CLI's lines); null without one.</summary>
    public ConvexProjectConfig? ProjectConfig { get; }

    /// <summary>The auth config file that was read, if any.</summary>
    public string? AuthConfigFile { get; }

    public IReadOnlyList<AuthKitWarning> Warnings { get; }

    /// <summary>Full paths of the files whose content decided this (hash them for the stamp).</summary>
    public IReadOnlyList<string> FilesRead { get; }

    /// <summary>Full paths of candidate files that did not exist (their appearance would change the decision).</summary>
    public IReadOnlyList<string> FilesProbed { get; }
}
