using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Selection;

/// <summary>
/// A Convex deploy key from <c>CONVEX_DEPLOY_KEY</c> / <c>CONVEX_DEPLOYMENT_TOKEN</c>, classified as the CLI does
/// (docs/protocol.md#deploy-keys). <see cref="Value"/> is a secret; <see cref="ToString"/> shows only the kind and deployment.
/// </summary>
/// <param name="Value">The key itself (secret).</param>
/// <param name="VariableName">The variable that held the key.</param>
/// <param name="DeploymentName">For a deployment key: the text after the last <c>:</c> of the part before the first <c>|</c>.</param>
/// <param name="DeploymentType">For a deployment key: the text before the first <c>:</c>, or <c>prod</c> when the part before the <c>|</c> has none.</param>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed record DeployKey(
    [property: DebuggerBrowsable(DebuggerBrowsableState.Never)] string Value,
    string VariableName,
    DeployKeyKind Kind,
    string? DeploymentName,
    string? DeploymentType)
{
    public const string DeployKeyVariable = "CONVEX_DEPLOY_KEY";
    public const string DeploymentTokenVariable = "CONVEX_DEPLOYMENT_TOKEN";
    public const string IgnoreSentinel = "<ignore_deploy_key>";
    public const string LegacyKeyMessage =
        "Please set CONVEX_DEPLOY_KEY to a new key which you can find on your Convex dashboard.";

    // JavaScript's "." stops at these; the CLI's patterns have no "s" flag and "$" means end of input.
    private const string JsAnyButLineTerminator = @"[^\n\r\u2028\u2029]";
    private static readonly Regex MissingSentinel =
        new Regex("^<missing_deploy_key:(" + JsAnyButLineTerminator + "+)>\\z", RegexOptions.CultureInvariant);
    private static readonly Regex ProjectKey =
        new Regex("^project:" + JsAnyButLineTerminator + "*\\|", RegexOptions.CultureInvariant);

    /// <summary>
    /// <c>CONVEX_DEPLOY_KEY || CONVEX_DEPLOYMENT_TOKEN</c>; <paramref name="getEnvironment"/> returns null for an
    /// unset or empty variable (e.g. <see cref="DotEnv.BuildEnvironment.Get"/>).
    /// </summary>
    public static DeployKeyRead Read(Func<string, string?> getEnvironment)
    {
        if (getEnvironment == null) throw new ArgumentNullException(nameof(getEnvironment));
        var fromDeployKey = getEnvironment(DeployKeyVariable);
        if (!string.IsNullOrEmpty(fromDeployKey)) return Parse(fromDeployKey!, DeployKeyVariable);
        var fromToken = getEnvironment(DeploymentTokenVariable);
        if (!string.IsNullOrEmpty(fromToken)) return Parse(fromToken!, DeploymentTokenVariable);
        return DeployKeyRead.NotSet;
    }

    /// <summary>Applies the sentinels and classifies <paramref name="value"/>, read from <paramref name="variableName"/>.</summary>
    public static DeployKeyRead Parse(string value, string variableName)
    {
        if (value == null) throw new ArgumentNullException(nameof(value));
        if (variableName == null) throw new ArgumentNullException(nameof(variableName));
        if (value.Length == 0 || value == IgnoreSentinel) return DeployKeyRead.NotSet;
        var missing = MissingSentinel.Match(value);
        if (missing.Success) return DeployKeyRead.Error(variableName, missing.Groups[1].Value);

        var pipe = value.IndexOf('|');
        if (pipe < 0) return DeployKeyRead.Error(variableName, LegacyKeyMessage);
        var prefix = value.Substring(0, pipe);

        var prefixParts = prefix.Split(':');
        if (prefixParts[0] == "preview" && prefixParts.Length == 3)
            return DeployKeyRead.Of(new DeployKey(value, variableName, DeployKeyKind.PreviewDeployKey, null, null));
        if (ProjectKey.IsMatch(value))
            return DeployKeyRead.Of(new DeployKey(value, variableName, DeployKeyKind.ProjectKey, null, null));

        var name = prefixParts[prefixParts.Length - 1];
        // The CLI takes the text before the first ':' of the whole key; when that ':' lies in the secret part
        // the CLI's "type" is secret text (and not a deployment type). We never keep secret text: "prod".
        var type = prefixParts.Length == 1 ? "prod" : prefixParts[0];
        return DeployKeyRead.Of(new DeployKey(value, variableName, DeployKeyKind.DeploymentKey, name, type));
    }

    public override string ToString() => Kind switch
    {
        DeployKeyKind.PreviewDeployKey => $"{VariableName}: preview deploy key",
        DeployKeyKind.ProjectKey => $"{VariableName}: project key",
        _ => $"{VariableName}: {DeploymentType} deploy key for {DeploymentName}",
    };
}
