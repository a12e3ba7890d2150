using System.Collections.Generic;

namespace Convex.AuthKit.Build.Config;

public enum AuthKitWarningKind
{
    /// <summary>convex.json's authKit.dev hard-codes a localhost origin on another port than the detected dev server.</summary>
    PortMismatch,

    /// <summary>convex.json has authKit without dev, yet the auth config reads WORKOS_CLIENT_ID: nothing will set it.</summary>
    AuthKitWithoutDevButAuthConfigUsesClientId,

    /// <summary>Only src/convex.json exists; the CLI does not read it, so neither do we.</summary>
    SrcConvexJsonIgnored,
}

/// <summary>Something in the project that will probably break sign-in, found while deciding.</summary>
public sealed class AuthKitWarning
{
    public AuthKitWarning(
        AuthKitWarningKind kind, string message, IReadOnlyList<string>? locations = null, string? configuredOrigin = null, int? configuredPort = null,
        int? detectedPort = null, string? detectedSource = null)
    {
        Kind = kind;
        Message = message;
        Locations = locations ?? new string[0];
        ConfiguredOrigin = configuredOrigin;
        ConfiguredPort = configuredPort;
        DetectedPort = detectedPort;
        DetectedSource = detectedSource;
    }

    public AuthKitWarningKind Kind { get; }

    /// <summary>One line for the build log.</summary>
    public string Message { get; }

    /// <summary>For <see cref="AuthKitWarningKind.PortMismatch"/>: where the origin is written, e.g. <c>configure.redirectUris[0]</c>.</summary>
    public IReadOnlyList<string> Locations { get; }

    public string? ConfiguredOrigin { get; }
    public int? ConfiguredPort { get; }
    public int? DetectedPort { get; }
    public string? DetectedSource { get; }

    public override string ToString() => Message;
}
