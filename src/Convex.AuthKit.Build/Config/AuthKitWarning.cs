namespace Convex.AuthKit.Build.Config;

internal enum AuthKitWarningKind
{
    /// <summary>convex.json's authKit.dev hard-codes a localhost origin on another port than the detected dev server.</summary>
    PortMismatch,

    /// <summary>convex.json has authKit without dev, yet the auth config reads WORKOS_CLIENT_ID: nothing will set it.</summary>
    AuthKitWithoutDevButAuthConfigUsesClientId,

    /// <summary>Only src/convex.json exists; the CLI does not read it, so neither do we.</summary>
    SrcConvexJsonIgnored,
}

/// <summary>Something in the project that will probably break sign-in, found while deciding.</summary>
/// <param name="Message">One line for the build log.</param>
internal sealed record AuthKitWarning(AuthKitWarningKind Kind, string Message)
{
    public override string ToString() => Message;
}
