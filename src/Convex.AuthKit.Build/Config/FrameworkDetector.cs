using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Finds the front-end framework from <c>package.json</c> as the CLI's <c>suggestedEnvVarNames</c> does: the keys of
/// <c>dependencies</c> and <c>devDependencies</c> (not <c>peerDependencies</c>), first matching rule wins.
/// </summary>
internal static class FrameworkDetector
{
    public const string ParseErrorPrefix = "Unable to parse package.json: ";
    public const string NotAnObjectMessage = "Expected to parse an object from package.json";

    private static readonly (string[] Packages, FrameworkInfo Framework)[] Rules =
    {
        (new[] { "react-scripts" }, new FrameworkInfo(FrameworkInfo.CreateReactApp, "REACT_APP_CONVEX_URL", "http://localhost:3000", "REACT_APP_")),
        (new[] { "next" }, new FrameworkInfo(FrameworkInfo.NextJs, "NEXT_PUBLIC_CONVEX_URL", "http://localhost:3000", "NEXT_PUBLIC_")),
        (new[] { "expo" }, new FrameworkInfo(FrameworkInfo.Expo, "EXPO_PUBLIC_CONVEX_URL", null, "EXPO_PUBLIC_")),
        (new[] { "@sveltejs/kit" }, new FrameworkInfo(FrameworkInfo.SvelteKit, "PUBLIC_CONVEX_URL", "http://localhost:5173", "PUBLIC_")),
        (new[] { "@tanstack/start", "@tanstack/react-start" }, new FrameworkInfo(FrameworkInfo.TanStackStart, "VITE_CONVEX_URL", "http://localhost:3000", "VITE_")),
        (new[] { "vite" }, new FrameworkInfo(FrameworkInfo.Vite, "VITE_CONVEX_URL", "http://localhost:5173", "VITE_")),
        (new[] { "@remix-run/dev" }, new FrameworkInfo(FrameworkInfo.Remix, "CONVEX_URL", "http://localhost:3000", null)),
    };

    /// <param name="packageJsonText">The text of <c>package.json</c>, or null when the app has none.</param>
    /// <exception cref="PackageJsonException">The text is not JSON, or not a JSON object.</exception>
    public static FrameworkInfo Detect(string? packageJsonText)
    {
        if (packageJsonText == null) return FrameworkInfo.None;
        var packages = DependencyNames(ParsePackageJson(packageJsonText));
        foreach (var (names, framework) in Rules)
        {
            foreach (var name in names)
                if (packages.Contains(name)) return framework;
        }
        return FrameworkInfo.None;
    }

    /// <summary>Parses <c>package.json</c> with the CLI's rules (<c>JSON.parse</c>; the root must be an object or array).</summary>
    /// <exception cref="PackageJsonException">The text is not JSON, or its root is null or a primitive.</exception>
    private static JToken ParsePackageJson(string text)
    {
        JToken root;
        try
        {
            root = StrictJson.Parse(text);
        }
        catch (StrictJsonException e)
        {
            throw new PackageJsonException(ParseErrorPrefix + "SyntaxError: " + e.Message, e);
        }
        // The CLI accepts any `typeof "object"` root (arrays too) and fails on null reading `.dependencies`.
        if (root.Type != JTokenType.Object && root.Type != JTokenType.Array) throw new PackageJsonException(NotAnObjectMessage);
        return root;
    }

    private static HashSet<string> DependencyNames(JToken root)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        if (root is not JObject obj) return names;
        foreach (var section in new[] { "dependencies", "devDependencies" })
        {
            // Spreading a non-object adds no package names (an array only adds indexes).
            if (obj[section] is JObject deps)
                foreach (var property in deps.Properties()) names.Add(property.Name);
        }
        return names;
    }
}
