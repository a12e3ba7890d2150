using Convex.AuthKit.Build.Selection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Selection;

[TestClass]
public sealed class DeployKeyTests
{
    private const string Secret = "eyJ2MiI6InMzY3IzdCJ9";

    private static DeployKeyRead Read(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>();
        foreach (var (name, value) in variables) map[name] = value;
        return DeployKey.Read(n => map.TryGetValue(n, out var v) && v.Length > 0 ? v : null);
    }

    [TestMethod]
    [DataRow("dev:happy-animal-123|" + Secret, nameof(DeployKeyKind.DeploymentKey), "happy-animal-123", "dev")]
    [DataRow("prod:happy-animal-123|" + Secret, nameof(DeployKeyKind.DeploymentKey), "happy-animal-123", "prod")]
    [DataRow("preview:happy-animal-123|" + Secret, nameof(DeployKeyKind.DeploymentKey), "happy-animal-123", "preview")]
    [DataRow("dev:team:happy-animal-123|" + Secret, nameof(DeployKeyKind.DeploymentKey), "happy-animal-123", "dev")]
    [DataRow("happy-animal-123|" + Secret, nameof(DeployKeyKind.DeploymentKey), "happy-animal-123", "prod")]
    [DataRow("local:local-me-123|" + Secret, nameof(DeployKeyKind.DeploymentKey), "local-me-123", "local")]
    [DataRow("preview:my-team:my-project|" + Secret, nameof(DeployKeyKind.PreviewDeployKey), null, null)]
    [DataRow("project:my-team:my-project|" + Secret, nameof(DeployKeyKind.ProjectKey), null, null)]
    [DataRow("project:x|" + Secret, nameof(DeployKeyKind.ProjectKey), null, null)]
    [DataRow("preview:a:b:c|" + Secret, nameof(DeployKeyKind.DeploymentKey), "c", "preview")]
    public void ClassifiesEveryForm(string value, string kind, string? name, string? type)
    {
        var read = DeployKey.Parse(value, DeployKey.DeployKeyVariable);

        Assert.IsNotNull(read.Key);
        Assert.IsNull(read.ErrorMessage);
        Assert.AreEqual(kind, read.Key.Kind.ToString());
        Assert.AreEqual(name, read.Key.DeploymentName);
        Assert.AreEqual(type, read.Key.DeploymentType);
        Assert.AreEqual(value, read.Key.Value);
        Assert.DoesNotContain(Secret, read.Key.ToString());
        Assert.DoesNotContain(Secret, read.ToString());
    }

    [TestMethod]
    public void ColonInsideTheSecretNeverBecomesTheType()
    {
        var read = DeployKey.Parse("happy-animal-123|abc:" + Secret, DeployKey.DeployKeyVariable);

        Assert.AreEqual("prod", read.Key!.DeploymentType);
        Assert.AreEqual("happy-animal-123", read.Key.DeploymentName);
        Assert.DoesNotContain(Secret, read.ToString());
    }

    [TestMethod]
    public void LegacyKeyWithoutPipeIsAnErrorWithTheCliMessage()
    {
        var read = DeployKey.Parse("prod:" + Secret, DeployKey.DeployKeyVariable);

        Assert.IsNull(read.Key);
        Assert.AreEqual("Please set CONVEX_DEPLOY_KEY to a new key which you can find on your Convex dashboard.", read.ErrorMessage);
        Assert.DoesNotContain(Secret, read.ToString());
    }

    [TestMethod]
    public void IgnoreSentinelMeansUnset()
    {
        var read = Read(("CONVEX_DEPLOY_KEY", "<ignore_deploy_key>"), ("CONVEX_DEPLOYMENT_TOKEN", "dev:x|" + Secret));

        Assert.AreSame(DeployKeyRead.NotSet, read);
    }

    [TestMethod]
    [DataRow("<missing_deploy_key:Set CONVEX_DEPLOY_KEY in the Vercel settings>", "Set CONVEX_DEPLOY_KEY in the Vercel settings")]
    [DataRow("<missing_deploy_key:a>b>", "a>b")]
    public void MissingSentinelIsAnErrorWithItsText(string value, string message)
    {
        var read = Read(("CONVEX_DEPLOYMENT_TOKEN", value));

        Assert.IsNull(read.Key);
        Assert.AreEqual(message, read.ErrorMessage);
        Assert.AreEqual("CONVEX_DEPLOYMENT_TOKEN", read.VariableName);
    }

    [TestMethod]
    [DataRow("<missing_deploy_key:>")]
    [DataRow("<missing_deploy_key:two\nlines>")]
    [DataRow("<missing_deploy_key:x>\n")]
    public void MalformedMissingSentinelIsJustALegacyKey(string value)
    {
        // The CLI's /^<missing_deploy_key:(.+)>$/ does not match, and the value has no "|".
        var read = DeployKey.Parse(value, DeployKey.DeployKeyVariable);

        Assert.AreEqual(DeployKey.LegacyKeyMessage, read.ErrorMessage);
    }

    [TestMethod]
    public void DeployKeyComesBeforeDeploymentTokenAndEmptyCountsAsUnset()
    {
        Assert.AreEqual("CONVEX_DEPLOY_KEY",
            Read(("CONVEX_DEPLOY_KEY", "dev:a|" + Secret), ("CONVEX_DEPLOYMENT_TOKEN", "dev:b|" + Secret)).VariableName);

        var fallback = Read(("CONVEX_DEPLOY_KEY", ""), ("CONVEX_DEPLOYMENT_TOKEN", "dev:b|" + Secret));
        Assert.AreEqual("CONVEX_DEPLOYMENT_TOKEN", fallback.VariableName);
        Assert.AreEqual("b", fallback.Key!.DeploymentName);
        Assert.AreEqual("CONVEX_DEPLOYMENT_TOKEN: dev deploy key for b", fallback.Key.ToString());

        Assert.AreSame(DeployKeyRead.NotSet, Read());
        Assert.AreSame(DeployKeyRead.NotSet, Read(("CONVEX_DEPLOY_KEY", "")));
    }
}
