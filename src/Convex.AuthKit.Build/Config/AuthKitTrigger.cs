using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Decides whether a build provisions AuthKit for the Convex app (docs/architecture.md#triggers): (a) convex.json's
/// <c>authKit.dev</c>; (b) no <c>authKit</c> key and an auth config whose import closure reads <c>WORKOS_CLIENT_ID</c>
/// or uses the WorkOS AuthKit component → framework defaults; otherwise nothing.
/// </summary>
internal static class AuthKitTrigger
{
    /// <param name="appDirectory">The Convex app (the folder of convex.json / package.json).</param>
    /// <param name="explicitOrigin">ConvexAuthKitDevOrigin, when set.</param>
    /// <param name="spaProxyServerUrl">The SpaProxyServerUrl MSBuild property, when set.</param>
    /// <param name="environment">The build's process environment (what a vite.config's <c>process.env</c> sees); empty when null.</param>
    /// <exception cref="ConvexJsonException">convex.json is invalid (or both convex.json and src/convex.json exist).</exception>
    /// <exception cref="PackageJsonException">AuthKit is wanted and package.json is invalid.</exception>
    /// <exception cref="DevOriginException">The framework defaults apply and an explicit origin is not an http(s) URL.</exception>
    public static AuthKitDecision Decide(string appDirectory, string? explicitOrigin, string? spaProxyServerUrl, Func<string, string?>? environment = null)
    {
        var files = new ProjectFiles(appDirectory, environment);
        var warnings = new List<AuthKitWarning>();
        var config = ConvexJsonFile.Read(files, out var srcConvexJsonIgnored);
        if (srcConvexJsonIgnored)
        {
            warnings.Add(new AuthKitWarning(
                Diagnostics.SrcConvexJsonIgnored,
                "src/convex.json is not read (the Convex CLI ignores it too); move it to the root of the Convex app.",
                new DiagnosticLocation(files.PathOf(Path.Combine("src", "convex.json")))));
        }

        // The auth config and what it imports, under either trigger: the component needs its webhook secret either way.
        var functions = config?.Functions ?? FunctionsWithoutConvexJson(files);
        var authConfig = AuthConfigScanner.FindAuthConfigFile(files, functions);
        var scan = authConfig != null ? AuthConfigScanner.Scan(files, authConfig) : null;
        var componentFile = scan?.ComponentFile != null ? files.Display(scan.ComponentFile) : null;
        var componentEvents = scan?.ComponentFile != null ? AuthKitEventTypesReader.Read(files, scan.Files) : null;

        if (config?.AuthKit?.Dev is { } dev)
        {
            var framework = DetectFramework(files);
            var origin = TryDetectOrigin(files, explicitOrigin, spaProxyServerUrl, framework);
            if (origin != null) warnings.AddRange(PortMismatchCheck.Find(dev, origin, files.PathOf("convex.json")));
            var cookie = FrameworkDefaults.WantsCookiePassword(framework) && dev.LocalEnvVars != null;
            return Decision(AuthKitDecisionKind.ConvexJsonDev, "convex.json authKit.dev", dev, framework, origin, cookie, config, warnings, files, componentFile, componentEvents);
        }

        var authConfigName = authConfig != null ? files.Display(authConfig) : null;
        var evidenceFile = scan?.ClientIdFile ?? scan?.ComponentFile;
        var evidence = evidenceFile == null ? null
            : scan!.ClientIdFile != null ? $"{files.Display(evidenceFile)} uses WORKOS_CLIENT_ID"
            : $"{componentFile} uses the WorkOS AuthKit component ({AuthConfigScanner.ComponentPackage})";

        if (config?.AuthKit != null)
        {
            if (evidence != null)
            {
                warnings.Add(new AuthKitWarning(
                    Diagnostics.AuthKitWithoutDevSection,
                    $"{evidence}{(evidenceFile == authConfig ? "" : $" (imported by {authConfigName})")}, but convex.json's authKit section has no dev entry, so nothing provisions WORKOS_CLIENT_ID for the dev deployment. Add authKit.dev, or remove the authKit key to use the framework defaults.",
                    new DiagnosticLocation(authConfig!)));
            }
            return Decision(AuthKitDecisionKind.NotWanted, "convex.json authKit has no dev section", null, null, null, false, config, warnings, files, componentFile, componentEvents);
        }

        if (evidence == null)
        {
            var reason = authConfig == null
                ? $"no authKit in convex.json and no auth config in {functions.TrimEnd('/', '\\')}/"
                : $"no authKit in convex.json and {authConfigName} does not use WORKOS_CLIENT_ID";
            return Decision(AuthKitDecisionKind.NotWanted, reason, null, null, null, false, config, warnings, files, componentFile, componentEvents);
        }

        var detected = DetectFramework(files);
        var devOrigin = DevOriginDetector.Detect(files, explicitOrigin, spaProxyServerUrl, detected);
        warnings.AddRange(PortMismatchCheck.Find(null, devOrigin, files.PathOf("convex.json")));
        if (devOrigin.Unreadable != null)
        {
            warnings.Add(new AuthKitWarning(
                Diagnostics.DevOriginUnreadable,
                $"{devOrigin.Unreadable} in a form the build cannot evaluate, so the dev origin {devOrigin.Origin} ({devOrigin.Source}) may be wrong. " +
                "Set ConvexAuthKitDevOrigin to the dev server's origin (for example https://localhost:5173).",
                devOrigin.ViteConfigFile != null ? new DiagnosticLocation(devOrigin.ViteConfigFile) : null));
        }
        var defaults = FrameworkDefaults.For(detected, devOrigin.Origin);
        var label = detected.DetectedFramework ?? "generic";
        return Decision(
            AuthKitDecisionKind.FrameworkDefaults,
            $"{evidence}; {label} defaults for {devOrigin.Origin} ({devOrigin.Source})",
            defaults, detected, devOrigin, FrameworkDefaults.WantsCookiePassword(detected), config, warnings, files, componentFile, componentEvents);
    }

    private static FrameworkInfo DetectFramework(ProjectFiles files) => FrameworkDetector.Detect(files.ReadPackageJson());

    // The origin only feeds the port check here: a bad SpaProxyServerUrl must not fail a build that does not use it.
    private static DevOrigin? TryDetectOrigin(ProjectFiles files, string? explicitOrigin, string? spaProxyServerUrl, FrameworkInfo framework)
    {
        try
        {
            return DevOriginDetector.Detect(files, explicitOrigin, spaProxyServerUrl, framework);
        }
        catch (DevOriginException)
        {
            return null;
        }
    }

    /// <summary>Without convex.json the CLI puts a create-react-app's functions under <c>src/convex/</c>.</summary>
    private static string FunctionsWithoutConvexJson(ProjectFiles files)
    {
        try
        {
            var text = files.ReadPackageJson();
            if (text == null) return ConvexProjectConfig.DefaultFunctions;
            return FrameworkDetector.Detect(text).DetectedFramework == FrameworkInfo.CreateReactApp ? "src/convex/" : ConvexProjectConfig.DefaultFunctions;
        }
        catch (PackageJsonException)
        {
            return ConvexProjectConfig.DefaultFunctions; // reported later only if AuthKit turns out to be wanted
        }
    }

    private static AuthKitDecision Decision(
        AuthKitDecisionKind kind, string reason, AuthKitEnvironmentConfig? dev, FrameworkInfo? framework, DevOrigin? origin, bool cookie,
        ConvexProjectConfig? config, List<AuthKitWarning> warnings, ProjectFiles files, string? componentFile, AuthKitEventTypes? componentEvents) =>
        new(kind, reason, dev, framework, origin, cookie, config, warnings.Concat(files.Skipped).ToList(), files.Read.ToArray(), files.Probed.ToArray())
        {
            AuthKitComponentFile = componentFile,
            AuthKitComponentEvents = componentEvents,
            VariablesRead = files.Variables.ToArray(),
        };
}
