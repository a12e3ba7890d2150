using Convex.AuthKit.Build.DotEnv;
using M = Convex.AuthKit.Build.Selection.DeploymentSelectionMessages;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// Picks the deployment and credential the build works with (docs/architecture.md#which-deployment, on docs/protocol.md#deployment-selection): the CLI's
/// order — deploy key, then self-hosted, then <c>CONVEX_DEPLOYMENT</c> — and only a dev deployment goes on.
/// </summary>
internal static class DeploymentSelector
{
    public const string DefaultProvisionHost = "https://api.convex.dev";
    public const string ProvisionHostVariable = "CONVEX_PROVISION_HOST";
    public const string ConvexDeploymentVariable = "CONVEX_DEPLOYMENT";
    public const string SelfHostedUrlVariable = "CONVEX_SELF_HOSTED_URL";
    public const string SelfHostedAdminKeyVariable = "CONVEX_SELF_HOSTED_ADMIN_KEY";
    public const string OverrideAccessTokenVariable = "CONVEX_OVERRIDE_ACCESS_TOKEN";

    public static DeploymentSelection Select(BuildEnvironment environment, string homeDirectory)
    {
        if (environment == null) throw new ArgumentNullException(nameof(environment));
        if (homeDirectory == null) throw new ArgumentNullException(nameof(homeDirectory));
        var inputs = new DeploymentSelectionInputs(environment);

        var provisionHostText = inputs.Get(ProvisionHostVariable);
        var provisionHost = ParseProvisionHost(provisionHostText);
        if (provisionHost == null)
            return Invalid(inputs, null, M.InvalidProvisionHost(inputs.Where(ProvisionHostVariable), provisionHostText!));

        // Deploy keys win over everything else, and the CLI does not report the other variables (docs/protocol.md#deployment-selection).
        var deployKey = DeployKey.Read(inputs.Get);
        if (deployKey.ErrorMessage != null) return Invalid(inputs, provisionHost, deployKey.ErrorMessage);
        if (deployKey.Key != null) return FromDeployKey(inputs, provisionHost, deployKey.Key);

        var deployment = inputs.Get(ConvexDeploymentVariable);
        var selfHostedUrl = inputs.Get(SelfHostedUrlVariable);
        var selfHostedAdminKey = inputs.Get(SelfHostedAdminKeyVariable);
        if (selfHostedUrl != null && selfHostedAdminKey != null)
        {
            return deployment != null
                ? Invalid(inputs, provisionHost, M.DeploymentWithSelfHosted)
                : SelfHosted(inputs, provisionHost);
        }
        if (deployment != null)
        {
            return selfHostedUrl != null || selfHostedAdminKey != null
                ? Invalid(inputs, provisionHost, M.SelfHostedWithDeployment)
                : FromConvexDeployment(inputs, provisionHost, homeDirectory, deployment);
        }
        // The CLI would ask for a deployment here; a URL alone still says "self-hosted".
        if (selfHostedUrl != null) return SelfHosted(inputs, provisionHost);

        return inputs.Result(DeploymentSelectionKind.NotConfigured, provisionHost) with
        {
            Message = M.NotConfigured(environment.EnvFile.DisplayName, environment.DotEnvFile.DisplayName),
        };
    }

    /// <summary><c>{PH}</c>: the value if set, else <see cref="DefaultProvisionHost"/>; null when the value is not an http(s) URL.</summary>
    private static Uri? ParseProvisionHost(string? value)
    {
        if (string.IsNullOrEmpty(value)) return new Uri(DefaultProvisionHost);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
    }

    private static DeploymentSelection FromDeployKey(DeploymentSelectionInputs inputs, Uri provisionHost, DeployKey key)
    {
        var where = inputs.Where(key.VariableName);
        switch (key.Kind)
        {
            case DeployKeyKind.PreviewDeployKey:
                return Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.PreviewDeployKey, where, null, null,
                    M.PreviewDeployKey(where));
            case DeployKeyKind.ProjectKey:
                return Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.ProjectKey, where, null, null,
                    M.ProjectKey(where));
        }

        var name = key.DeploymentName!;
        var type = key.DeploymentType!;
        var notDev = SkippedUnlessDev(inputs, provisionHost, where, name, type);
        if (notDev != null) return notDev;
        switch (type)
        {
            case "dev":
                if (name.Length == 0) return Invalid(inputs, provisionHost, M.NoDeploymentName(where));
                return inputs.Result(DeploymentSelectionKind.DevDeployKey, provisionHost) with
                {
                    DeploymentName = name,
                    DeploymentType = type,
                    DeploymentSource = where,
                    CredentialKind = DeploymentSelectionCredentialKind.DeployKey,
                    Credential = key.Value,
                    CredentialSource = inputs.From(key.VariableName),
                };
            default:
                return Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.UnknownDeploymentType, where, name, type,
                    M.UnknownDeployKeyType(where, type, name));
        }
    }

    private static DeploymentSelection FromConvexDeployment(DeploymentSelectionInputs inputs, Uri provisionHost,
        string homeDirectory, string value)
    {
        var where = inputs.Where(ConvexDeploymentVariable);
        var name = value.Substring(value.LastIndexOf(':') + 1);
        var type = DeploymentTypeOf(value);
        var notDev = SkippedUnlessDev(inputs, provisionHost, where, name, type);
        if (notDev != null) return notDev;
        if (type == null)
            return Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.UnknownDeploymentType, where, name, null,
                M.UntypedDeployment(where, value));
        if (name.Length == 0) return Invalid(inputs, provisionHost, M.NoDeploymentName(where));
        return WithAccessToken(inputs, provisionHost, homeDirectory, name, where);
    }

    /// <summary>Local and anonymous deployments, production and preview: never touched. Null for anything else.</summary>
    private static DeploymentSelection? SkippedUnlessDev(DeploymentSelectionInputs inputs, Uri provisionHost, string where, string name, string? type)
    {
        if (IsAnonymous(name) || type == "local")
            return Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.Local, where, name, type, M.Local(where, name));
        return type switch
        {
            "prod" => Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.Production, where, name, type, M.Production(where, name)),
            "preview" => Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.Preview, where, name, type, M.Preview(where, name)),
            _ => null,
        };
    }

    // CONVEX_OVERRIDE_ACCESS_TOKEN replaces the token file, which is then not even read (docs/protocol.md#authentication).
    private static DeploymentSelection WithAccessToken(DeploymentSelectionInputs inputs, Uri provisionHost,
        string homeDirectory, string name, string where)
    {
        var overrideToken = inputs.Get(OverrideAccessTokenVariable);
        if (overrideToken != null)
            return DevWithAccessToken(inputs, provisionHost, name, where, overrideToken, inputs.From(OverrideAccessTokenVariable));

        string tokenPath;
        try
        {
            tokenPath = AccessTokenFile.PathFor(homeDirectory, inputs.Get(ProvisionHostVariable));
        }
        catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
        {
            // .NET Framework rejects some characters the CLI would put in the directory name (e.g. '?' after the port).
            return Invalid(inputs, provisionHost, M.UnusableTokenPath(inputs.Where(ProvisionHostVariable), e.Message));
        }
        inputs.AddFile(tokenPath);
        var read = AccessTokenFile.Read(tokenPath);
        var displayPath = DisplayTokenPath(homeDirectory, tokenPath);
        if (read.Token != null)
            return DevWithAccessToken(inputs, provisionHost, name, where, read.Token, "access token from " + displayPath);

        return inputs.Result(DeploymentSelectionKind.NoCredentials, provisionHost) with
        {
            DeploymentName = name,
            DeploymentType = "dev",
            DeploymentSource = where,
            Diagnostic = read.Diagnostic,
            Message = M.NoCredentials(where, name, displayPath) + (read.Diagnostic != null ? " " + read.Diagnostic : ""),
        };
    }

    private static DeploymentSelection DevWithAccessToken(DeploymentSelectionInputs inputs, Uri provisionHost,
        string name, string where, string token, string credentialSource)
    {
        return inputs.Result(DeploymentSelectionKind.DevWithAccessToken, provisionHost) with
        {
            DeploymentName = name,
            DeploymentType = "dev",
            DeploymentSource = where,
            CredentialKind = DeploymentSelectionCredentialKind.AccessToken,
            Credential = token,
            CredentialSource = credentialSource,
        };
    }

    /// <summary>The CLI's type: the text before the first <c>:</c> when it is prod, dev, preview or local; else null.</summary>
    private static string? DeploymentTypeOf(string convexDeployment)
    {
        var colon = convexDeployment.IndexOf(':');
        var type = colon < 0 ? convexDeployment : convexDeployment.Substring(0, colon);
        return type == "prod" || type == "dev" || type == "preview" || type == "local" ? type : null;
    }

    private static bool IsAnonymous(string name) => name.StartsWith("anonymous-", StringComparison.Ordinal);

    private static string DisplayTokenPath(string homeDirectory, string tokenPath)
    {
        var home = Path.GetFullPath(homeDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return tokenPath.StartsWith(home + Path.DirectorySeparatorChar, comparison)
            ? "~" + tokenPath.Substring(home.Length)
            : tokenPath;
    }

    private static DeploymentSelection Skipped(DeploymentSelectionInputs inputs, Uri provisionHost,
        DeploymentSelectionSkipReason reason, string where, string? name, string? type, string message)
    {
        return inputs.Result(DeploymentSelectionKind.Skipped, provisionHost) with
        {
            SkipReason = reason,
            DeploymentName = name,
            DeploymentType = type,
            DeploymentSource = where,
            Message = message,
        };
    }

    private static DeploymentSelection SelfHosted(DeploymentSelectionInputs inputs, Uri provisionHost)
    {
        var where = inputs.Where(SelfHostedUrlVariable);
        return Skipped(inputs, provisionHost, DeploymentSelectionSkipReason.SelfHosted, where, null, null, M.SelfHosted(where));
    }

    private static DeploymentSelection Invalid(DeploymentSelectionInputs inputs, Uri? provisionHost, string message)
    {
        return inputs.Result(DeploymentSelectionKind.Invalid, provisionHost) with { Message = message };
    }
}
