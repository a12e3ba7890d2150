using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Config;

/// <summary>Something in the project that will probably break sign-in, found while deciding: the build reports it as it is.</summary>
/// <param name="Message">One line for the build log.</param>
/// <param name="Location">The file the problem is in (the auth config, vite.config, convex.json); null for the project file.</param>
internal sealed record AuthKitWarning(Diagnostic Diagnostic, string Message, DiagnosticLocation? Location = null)
{
    public override string ToString() => Message;
}
