using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// Whether the build runs in CI (README.md#ci-without-credentials): the variables the common CI services set, or the
/// SDK's ContinuousIntegrationBuild property. There a dev deployment without credentials is a message, not warning
/// CAK2104, so `-warnaserror` pipelines and `dotnet test` in CI keep passing.
/// </summary>
internal static class ContinuousIntegration
{
    /// <summary>The variables read, watched by the stamp like every variable a run reads.</summary>
    public static readonly string[] Variables = { "CI", "TF_BUILD", "GITHUB_ACTIONS" };

    public static bool Detect(BuildSettings settings) =>
        settings.ContinuousIntegrationBuild
        || Is(settings.Environment("CI"), "true") || Is(settings.Environment("CI"), "1")
        || Is(settings.Environment("TF_BUILD"), "true")
        || Is(settings.Environment("GITHUB_ACTIONS"), "true");

    private static bool Is(string? value, string expected) =>
        string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}
