namespace Convex.AuthKit.Build.Config;

/// <summary>What the build needs from <c>convex.json</c>.</summary>
/// <param name="Functions">The functions folder, relative to the Convex app (default <c>convex/</c>).</param>
/// <param name="AuthKit">The <c>authKit</c> section; null exactly when the key is absent (<c>"authKit": {}</c> is present).</param>
/// <param name="Warnings">The lines the CLI prints for unknown top-level properties (CAK2108).</param>
internal sealed record ConvexProjectConfig(string Functions, AuthKitConfig? AuthKit, IReadOnlyList<string> Warnings)
{
    public const string DefaultFunctions = "convex/";
}
