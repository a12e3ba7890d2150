namespace Convex.AuthKit.Build.Vocabulary;

/// <summary>
/// Every diagnostic the package reports. README.md has one table row per code, with cause and fix.
/// With ConvexAuthKitFailOnError=false an error CAK1nnn is reported as a warning with the same code.
/// </summary>
internal static class Diagnostics
{
    /// <summary>Something failed that no other code describes (a bug, or an unexpected environment).</summary>
    public static readonly Diagnostic Unexpected = new Diagnostic("CAK1000");

    /// <summary>convex.json is not valid JSON, or fails the CLI's validation.</summary>
    public static readonly Diagnostic InvalidConvexJson = new Diagnostic("CAK1001");

    /// <summary>package.json cannot be read or parsed (framework detection needs it).</summary>
    public static readonly Diagnostic InvalidPackageJson = new Diagnostic("CAK1002");

    /// <summary>ConvexProjectDirectory names a folder that does not exist.</summary>
    public static readonly Diagnostic MissingConvexProjectDirectory = new Diagnostic("CAK1003");

    /// <summary>The deployment settings contradict each other or cannot be used (the CLI would stop too).</summary>
    public static readonly Diagnostic InvalidDeploymentSelection = new Diagnostic("CAK1004");

    /// <summary>Convex refused the credential, or it has no access to the deployment.</summary>
    public static readonly Diagnostic AccessDenied = new Diagnostic("CAK1005");

    /// <summary>A deploy key cannot provision a WorkOS environment, and the deployment has none.</summary>
    public static readonly Diagnostic DeployKeyCannotProvision = new Diagnostic("CAK1006");

    /// <summary>The Convex team has no WorkOS team yet, and the build was not told to create one.</summary>
    public static readonly Diagnostic WorkOSTeamNotAssociated = new Diagnostic("CAK1007");

    /// <summary>The Convex team chose not to connect WorkOS: nothing can be provisioned automatically.</summary>
    public static readonly Diagnostic WorkOSProvisioningDisabled = new Diagnostic("CAK1008");

    /// <summary>The deployment's WORKOS_* variables differ from what the build needs (the CLI's mismatch check).</summary>
    public static readonly Diagnostic WorkOSVariableMismatch = new Diagnostic("CAK1009");

    /// <summary>An env-file entry from ${authEnv.*} holds a value other than the deployment's environment gives.</summary>
    public static readonly Diagnostic StaleEnvFileValue = new Diagnostic("CAK1010");

    /// <summary>A ${...} template in convex.json cannot be resolved.</summary>
    public static readonly Diagnostic TemplateError = new Diagnostic("CAK1011");

    /// <summary>The Convex management API or the deployment answered with an error.</summary>
    public static readonly Diagnostic ConvexServiceError = new Diagnostic("CAK1012");

    /// <summary>The WorkOS API refused a redirect URI, CORS origin or homepage URL.</summary>
    public static readonly Diagnostic WorkOSServiceError = new Diagnostic("CAK1013");

    /// <summary>Convex or WorkOS is unreachable and the env file lacks entries the app needs.</summary>
    public static readonly Diagnostic OfflineAndIncomplete = new Diagnostic("CAK1014");

    /// <summary>The env file cannot be read or written.</summary>
    public static readonly Diagnostic EnvFileWriteFailed = new Diagnostic("CAK1015");

    /// <summary>The whole operation did not finish within ConvexAuthKitTimeoutSeconds (lock wait included).</summary>
    public static readonly Diagnostic TimedOut = new Diagnostic("CAK1016");

    /// <summary>A credential would have been sent over plain HTTP to a host that is not loopback.</summary>
    public static readonly Diagnostic InsecureTransport = new Diagnostic("CAK1017");

    /// <summary>Creating the WorkOS team failed (email not available, or already has a WorkOS account).</summary>
    public static readonly Diagnostic WorkOSTeamCreationFailed = new Diagnostic("CAK1018");

    /// <summary>A ConvexAuthKit* property has a value that cannot be used.</summary>
    public static readonly Diagnostic InvalidSetting = new Diagnostic("CAK1019");

    /// <summary>The lock folder or lock file cannot be used for a reason other than another build holding the lock.</summary>
    public static readonly Diagnostic LockUnusable = new Diagnostic("CAK1020");

    /// <summary>authKit is present without a dev section while the auth config reads WORKOS_CLIENT_ID.</summary>
    public static readonly Diagnostic AuthKitWithoutDevSection = new Diagnostic("CAK2101");

    /// <summary>convex.json hard-codes a localhost origin whose port differs from the detected dev server port.</summary>
    public static readonly Diagnostic DevPortMismatch = new Diagnostic("CAK2102");

    /// <summary>No Convex deployment is configured for the app yet.</summary>
    public static readonly Diagnostic NoDeploymentConfigured = new Diagnostic("CAK2103");

    /// <summary>A dev deployment is configured but there is no Convex login (access token) on this machine.</summary>
    public static readonly Diagnostic NotLoggedIn = new Diagnostic("CAK2104");

    /// <summary>Convex or WorkOS is unreachable; the env file already holds every entry, so the build goes on.</summary>
    public static readonly Diagnostic Offline = new Diagnostic("CAK2105");

    /// <summary>The Convex access token file exists but cannot be used.</summary>
    public static readonly Diagnostic InvalidAccessTokenFile = new Diagnostic("CAK2106");

    /// <summary>Only src/convex.json exists: the Convex CLI does not read it, so neither does the build.</summary>
    public static readonly Diagnostic SrcConvexJsonIgnored = new Diagnostic("CAK2107");

    /// <summary>convex.json has properties the Convex CLI does not recognise (its own warning).</summary>
    public static readonly Diagnostic ConvexJsonWarning = new Diagnostic("CAK2108");

    /// <summary>
    /// The WorkOS AuthKit component is in use, the deployment has no WORKOS_WEBHOOK_SECRET, and the build does not make it
    /// (switched off, no site URL, or WorkOS refused the endpoint): the manual steps.
    /// </summary>
    public static readonly Diagnostic AuthKitComponentWithoutWebhookSecret = new Diagnostic("CAK2109");

    /// <summary>A state file (stamp, inputs, items, the shared stamp's path) could not be written; the next build checks again.</summary>
    public static readonly Diagnostic StateFileNotWritten = new Diagnostic("CAK2110");

    /// <summary>The framework defaults use the dev origin, and vite.config sets its port or https in a form the build cannot evaluate.</summary>
    public static readonly Diagnostic DevOriginUnreadable = new Diagnostic("CAK2111");

    /// <summary>An env-file line differs from what the configuration gives and the build did not write it (a hand edit, or no record): left alone.</summary>
    public static readonly Diagnostic EnvFileLineDiffers = new Diagnostic("CAK2112");

    /// <summary>The component's additionalEventTypes is not an array of string literals: the endpoint gets the three events, the rest is for the dashboard.</summary>
    public static readonly Diagnostic WebhookEventsNotLiteral = new Diagnostic("CAK2113");

    /// <summary>A file of the auth config's import closure, a Vite config or an example env file is not a regular file or is too large: skipped.</summary>
    public static readonly Diagnostic LocalFileSkipped = new Diagnostic("CAK2114");

    /// <summary>Temp files a stopped build left beside an env file that does not exist: kept, since they may hold its only copy.</summary>
    public static readonly Diagnostic LeftoverTempFilesKept = new Diagnostic("CAK2115");
}
