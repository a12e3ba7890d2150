using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// CAK2102: the places that say where the dev server is disagree on its scheme or port, so sign-in would redirect to
/// where nothing listens (docs/architecture.md#dev-origin). Compared with the origin the build uses: vite.config and
/// the dev script (both triggers), and the localhost URLs convex.json's <c>authKit.dev</c> hard-codes (trigger (a)).
/// </summary>
internal static class PortMismatchCheck
{
    /// <param name="dev">convex.json's authKit.dev under trigger (a); null under the framework defaults.</param>
    /// <param name="convexJson">The full path of convex.json, where a mismatch it hard-codes points.</param>
    public static IEnumerable<AuthKitWarning> Find(AuthKitEnvironmentConfig? dev, DevOrigin origin, string convexJson)
    {
        var warnings = new List<AuthKitWarning>();
        if (dev != null) warnings.AddRange(ConvexJsonMismatches(dev, origin, convexJson));
        foreach (var claim in origin.Claims)
        {
            var portDiffers = claim.Port != null && origin.DetectedPort != null && claim.Port != origin.DetectedPort;
            var schemeDiffers = claim.Scheme != null && origin.DetectedScheme && !string.Equals(claim.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase);
            if (!portDiffers && !schemeDiffers) continue;
            warnings.Add(new AuthKitWarning(Diagnostics.DevPortMismatch,
                $"{claim.Source} gives {claim.Describe()}, but the dev origin is {origin.Origin} ({origin.Source}): sign-in would redirect to " +
                $"{(portDiffers ? "a port" : "a scheme")} the dev server does not serve. Change one of them so they agree, or set ConvexAuthKitDevOrigin.", new DiagnosticLocation(claim.File)));
        }
        return warnings;
    }

    private static IEnumerable<AuthKitWarning> ConvexJsonMismatches(AuthKitEnvironmentConfig dev, DevOrigin origin, string convexJson)
    {
        if (origin.DetectedPort == null && !origin.DetectedScheme) return Array.Empty<AuthKitWarning>();

        var mismatches = new List<(string Location, Uri Uri)>();
        foreach (var (location, value) in Urls(dev))
        {
            if (value.Contains("${") || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || !IsLocalhost(uri.Host)) continue;
            var portDiffers = origin.DetectedPort is { } port && uri.Port != port;
            var schemeDiffers = origin.DetectedScheme && !string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase);
            if (portDiffers || schemeDiffers) mismatches.Add((location, uri));
        }

        return mismatches.GroupBy(m => m.Uri.GetLeftPart(UriPartial.Authority)).Select(group =>
        {
            var locations = group.Select(m => m.Location).ToArray();
            var message =
                $"convex.json authKit.dev uses {group.Key} ({string.Join(", ", locations)}), but the dev server is at {origin.Origin} " +
                $"({origin.Source}): sign-in would redirect to where nothing listens. Change one of them so they agree.";
            return new AuthKitWarning(Diagnostics.DevPortMismatch, message, new DiagnosticLocation(convexJson));
        }).ToList();
    }

    private static IEnumerable<(string Location, string Value)> Urls(AuthKitEnvironmentConfig dev)
    {
        foreach (var setting in dev.ConfiguredSettings()) yield return (setting.Location, setting.Template);
        if (dev.LocalEnvVars != null)
            foreach (var pair in dev.LocalEnvVars) yield return ("localEnvVars." + pair.Key, pair.Value);
    }

    private static bool IsLocalhost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host == "[::1]" || host == "::1";
}
