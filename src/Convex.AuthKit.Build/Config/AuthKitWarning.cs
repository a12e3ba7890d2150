namespace Convex.AuthKit.Build.Config;

internal enum AuthKitWarningKind
{
    /// <summary>convex.json's authKit.dev, vite.config, the dev script or SpaProxyServerUrl disagree on the dev server's scheme or port.</summary>
    PortMismatch,

    /// <summary>convex.json has authKit without dev, yet the auth config reads WORKOS_CLIENT_ID: nothing will set it.</summary>
    AuthKitWithoutDevButAuthConfigUsesClientId,

    /// <summary>Only src/convex.json exists; the CLI does not read it, so neither do we.</summary>
    SrcConvexJsonIgnored,

    /// <summary>The framework defaults use the dev origin, and vite.config sets its port or https in a form the build cannot evaluate.</summary>
    DevOriginUnreadable,
}

/// <summary>Something in the project that will probably break sign-in, found while deciding.</summary>
/// <param name="Message">One line for the build log.</param>
internal sealed record AuthKitWarning(AuthKitWarningKind Kind, string Message)
{
    public override string ToString() => Message;
}
