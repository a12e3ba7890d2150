using System.Collections.Generic;

namespace Convex.AuthKit.Build.Config;

/// <summary>What the build needs from <c>convex.json</c>.</summary>
public sealed class ConvexProjectConfig
{
    public const string DefaultFunctions = "convex/";

    public ConvexProjectConfig(string functions, AuthKitConfig? authKit, IReadOnlyList<string> warnings)
    {
        Functions = functions;
        AuthKit = authKit;
        Warnings = warnings;
    }

    /// <summary>The functions folder, relative to the Convex app (default <c>convex/</c>).</summary>
    public string Functions { get; }

    /// <summary>The <c>authKit</c> section; null exactly when the key is absent (<c>"authKit": {}</c> is present).</summary>
    public AuthKitConfig? AuthKit { get; }

    /// <summary>The lines the CLI prints for unknown properties, in its order.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
