namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Finds localhost origins hard-coded in convex.json's <c>authKit.dev</c> whose port differs from the detected dev
/// server's — sign-in then redirects to a port nothing listens on.
/// </summary>
internal static class PortMismatchCheck
{
    public static IEnumerable<AuthKitWarning> Find(AuthKitEnvironmentConfig dev, DevOrigin origin)
    {
        if (origin.DetectedPort is not { } detectedPort) return Array.Empty<AuthKitWarning>();

        var mismatches = new List<(string Location, Uri Uri)>();
        foreach (var (location, value) in Urls(dev))
        {
            if (value.Contains("${") || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || !IsLocalhost(uri.Host)) continue;
            if (uri.Port != detectedPort) mismatches.Add((location, uri));
        }

        return mismatches.GroupBy(m => m.Uri.Port).Select(group =>
        {
            var first = group.First().Uri;
            var configuredOrigin = first.GetLeftPart(UriPartial.Authority);
            var locations = group.Select(m => m.Location).ToArray();
            var message =
                $"convex.json authKit.dev uses {configuredOrigin} ({string.Join(", ", locations)}), but the dev server is on port {detectedPort} " +
                $"({origin.Source}): sign-in would redirect to a port nothing listens on. Change one of them so they agree.";
            return new AuthKitWarning(AuthKitWarningKind.PortMismatch, message);
        }).ToList();
    }

    private static IEnumerable<(string Location, string Value)> Urls(AuthKitEnvironmentConfig dev)
    {
        if (dev.Configure is { } configure)
        {
            if (configure.RedirectUris != null)
                for (var i = 0; i < configure.RedirectUris.Count; i++) yield return ($"configure.redirectUris[{i}]", configure.RedirectUris[i]);
            if (configure.AppHomepageUrl != null) yield return ("configure.appHomepageUrl", configure.AppHomepageUrl);
            if (configure.CorsOrigins != null)
                for (var i = 0; i < configure.CorsOrigins.Count; i++) yield return ($"configure.corsOrigins[{i}]", configure.CorsOrigins[i]);
        }
        if (dev.LocalEnvVars != null)
            foreach (var pair in dev.LocalEnvVars) yield return ("localEnvVars." + pair.Key, pair.Value);
    }

    private static bool IsLocalhost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || host == "127.0.0.1" || host == "[::1]" || host == "::1";
}
