using Convex.AuthKit.Build.Selection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Selection;

[TestClass]
public sealed class DeploymentSelectorTests
{
    private const string Token = "tok-s3cr3t-7c1e";
    private const string KeySecret = "eyJ2MiI6ImtleS1zM2NyM3QifQ";

    [TestMethod]
    public void DevDeploymentWithTokenFile()
    {
        using var box = new SelectionSandbox()
            .WithFile(".env.local", "# Deployment used by `npx convex dev`\nCONVEX_DEPLOYMENT=dev:happy-animal-123 # team: t, project: p\n");
        var tokenPath = box.WithAccessToken(Token);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.DevWithAccessToken, s.Kind);
        Assert.IsTrue(s.IsDevDeployment);
        Assert.AreEqual("happy-animal-123", s.DeploymentName);
        Assert.AreEqual("dev", s.DeploymentType);
        Assert.AreEqual(DeploymentSelectionCredentialKind.AccessToken, s.CredentialKind);
        Assert.AreEqual(Token, s.Credential);
        Assert.AreEqual("access token from " + Path.Combine("~", ".convex", "config.json"), s.CredentialSource);
        Assert.AreEqual("CONVEX_DEPLOYMENT in .env.local", s.DeploymentSource);
        Assert.AreEqual(new Uri("https://api.convex.dev"), s.ProvisionHost);
        Assert.IsNull(s.Message);
        CollectionAssert.Contains(s.InputFiles.ToArray(), tokenPath);
        CollectionAssert.Contains(s.InputFiles.ToArray(), Path.Combine(box.AppDirectory, ".env.local"));
        CollectionAssert.Contains(s.InputFiles.ToArray(), Path.Combine(box.AppDirectory, ".env"));
        CollectionAssert.IsSubsetOf(
            new[] { "CONVEX_PROVISION_HOST", "CONVEX_DEPLOY_KEY", "CONVEX_DEPLOYMENT_TOKEN", "CONVEX_DEPLOYMENT",
                    "CONVEX_SELF_HOSTED_URL", "CONVEX_SELF_HOSTED_ADMIN_KEY", "CONVEX_OVERRIDE_ACCESS_TOKEN" },
            s.InputVariables.ToArray());
        SelectionSandbox.AssertNoSecret(s, Token);
    }

    [TestMethod]
    public void OverrideTokenWinsAndTheTokenFileIsNotRead()
    {
        using var box = new SelectionSandbox()
            .WithFile(".env", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n")
            .WithEnv("CONVEX_OVERRIDE_ACCESS_TOKEN", Token);
        var tokenPath = box.WithTokenFileText("{not json");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.DevWithAccessToken, s.Kind);
        Assert.AreEqual(Token, s.Credential);
        Assert.AreEqual("CONVEX_OVERRIDE_ACCESS_TOKEN from the process environment", s.CredentialSource);
        Assert.AreEqual("CONVEX_DEPLOYMENT in .env", s.DeploymentSource);
        Assert.IsNull(s.Diagnostic);
        CollectionAssert.DoesNotContain(s.InputFiles.ToArray(), tokenPath);
        SelectionSandbox.AssertNoSecret(s, Token);
    }

    [TestMethod]
    public void ProvisionHostMovesTheTokenFileAndTheBase()
    {
        using var box = new SelectionSandbox()
            .WithEnv("CONVEX_DEPLOYMENT", "dev:happy-animal-123")
            .WithEnv("CONVEX_PROVISION_HOST", "http://127.0.0.1:8050");
        box.WithAccessToken("wrong-file-token");
        box.WithAccessToken(Token, "http://127.0.0.1:8050");

        var s = box.Select();

        Assert.AreEqual(Token, s.Credential);
        Assert.AreEqual(new Uri("http://127.0.0.1:8050"), s.ProvisionHost);
        Assert.AreEqual("access token from " + Path.Combine("~", ".convex-test", "config.json"), s.CredentialSource);
    }

    [TestMethod]
    public void ProvisionHostThatIsNotAUrlIsInvalid()
    {
        using var box = new SelectionSandbox().WithEnv("CONVEX_PROVISION_HOST", "localhost:8050");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Invalid, s.Kind);
        Assert.IsNull(s.ProvisionHost);
        Assert.Contains("CONVEX_PROVISION_HOST in the process environment", s.Message!);
    }

    [TestMethod]
    public void DevDeploymentWithoutTokenNeedsLogin()
    {
        using var box = new SelectionSandbox().WithFile(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.NoCredentials, s.Kind);
        Assert.AreEqual(DeploymentSelectionCredentialKind.None, s.CredentialKind);
        Assert.IsNull(s.Credential);
        Assert.AreEqual("happy-animal-123", s.DeploymentName);
        Assert.Contains("npx convex login", s.Message!);
        Assert.Contains("npx convex dev", s.Message!);
        Assert.IsNull(s.Diagnostic);
    }

    [TestMethod]
    public void InvalidTokenFileNeedsLoginAndExplainsWhy()
    {
        using var box = new SelectionSandbox().WithFile(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");
        var path = box.WithTokenFileText("{\"accessToken\": \"" + Token + "\"");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.NoCredentials, s.Kind);
        Assert.StartsWith("Failed to parse global config in " + path, s.Diagnostic!);
        Assert.Contains(s.Diagnostic!, s.Message!);
        SelectionSandbox.AssertNoSecret(s, Token);
    }

    [TestMethod]
    public void DevDeployKeyIsConfigureOnly()
    {
        var key = "dev:happy-animal-123|" + KeySecret;
        using var box = new SelectionSandbox()
            .WithFile(".env.local", "CONVEX_DEPLOY_KEY=" + key + "\nCONVEX_DEPLOYMENT=prod:other-thing-456\n");
        box.WithAccessToken(Token);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.DevDeployKey, s.Kind);
        Assert.IsTrue(s.IsDevDeployment);
        Assert.AreEqual("happy-animal-123", s.DeploymentName);
        Assert.AreEqual("dev", s.DeploymentType);
        Assert.AreEqual(DeploymentSelectionCredentialKind.DeployKey, s.CredentialKind);
        Assert.AreEqual(key, s.Credential);
        Assert.AreEqual("CONVEX_DEPLOY_KEY from .env.local", s.CredentialSource);
        Assert.AreEqual("CONVEX_DEPLOY_KEY in .env.local", s.DeploymentSource);
        CollectionAssert.DoesNotContain(s.InputVariables.ToArray(), "CONVEX_DEPLOYMENT");
        SelectionSandbox.AssertNoSecret(s, KeySecret);
    }

    [TestMethod]
    public void DeploymentTokenAliasWorksWhenDeployKeyIsEmpty()
    {
        using var box = new SelectionSandbox()
            .WithEnv("CONVEX_DEPLOY_KEY", "")
            .WithEnv("CONVEX_DEPLOYMENT_TOKEN", "dev:happy-animal-123|" + KeySecret);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.DevDeployKey, s.Kind);
        Assert.AreEqual("CONVEX_DEPLOYMENT_TOKEN from the process environment", s.CredentialSource);
    }

    [TestMethod]
    [DataRow("prod:happy-animal-123|" + KeySecret, DeploymentSelectionSkipReason.Production, "happy-animal-123", "never touches production")]
    [DataRow("happy-animal-123|" + KeySecret, DeploymentSelectionSkipReason.Production, "happy-animal-123", "never touches production")]
    [DataRow("preview:happy-animal-123|" + KeySecret, DeploymentSelectionSkipReason.Preview, "happy-animal-123", "preview")]
    [DataRow("preview:my-team:my-project|" + KeySecret, DeploymentSelectionSkipReason.PreviewDeployKey, null, "preview deploy key")]
    [DataRow("project:my-team:my-project|" + KeySecret, DeploymentSelectionSkipReason.ProjectKey, null, "project key")]
    [DataRow("local:local-me-123|" + KeySecret, DeploymentSelectionSkipReason.Local, "local-me-123", "local")]
    [DataRow("anonymous-agent|" + KeySecret, DeploymentSelectionSkipReason.Local, "anonymous-agent", "local")]
    [DataRow("custom:happy-animal-123|" + KeySecret, DeploymentSelectionSkipReason.UnknownDeploymentType, "happy-animal-123", "unknown type")]
    public void OtherDeployKeysAreSkippedSayingWhatIsSupported(string key, object skipReason, string? name, string wording)
    {
        var reason = (DeploymentSelectionSkipReason)skipReason;
        using var box = new SelectionSandbox().WithEnv("CONVEX_DEPLOY_KEY", key).WithEnv("CONVEX_DEPLOYMENT", "dev:happy-animal-123");
        box.WithAccessToken(Token);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Skipped, s.Kind);
        Assert.AreEqual(reason, s.SkipReason);
        Assert.AreEqual(name, s.DeploymentName);
        Assert.IsNull(s.Credential);
        Assert.AreEqual(DeploymentSelectionCredentialKind.None, s.CredentialKind);
        Assert.Contains(wording, s.Message!);
        Assert.Contains("CONVEX_DEPLOY_KEY in the process environment", s.Message!);
        if (reason != DeploymentSelectionSkipReason.Local) Assert.Contains("CONVEX_DEPLOYMENT=dev:<name>", s.Message!);
        SelectionSandbox.AssertNoSecret(s, KeySecret);
    }

    [TestMethod]
    [DataRow("<missing_deploy_key:Add the deploy key to your CI secrets>", "Add the deploy key to your CI secrets")]
    [DataRow("prod" + KeySecret, "Please set CONVEX_DEPLOY_KEY to a new key which you can find on your Convex dashboard.")]
    public void DeployKeyErrorsAreInvalid(string value, string message)
    {
        using var box = new SelectionSandbox().WithFile(".env.local", "CONVEX_DEPLOY_KEY=" + value + "\n");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Invalid, s.Kind);
        Assert.AreEqual(message, s.Message);
        SelectionSandbox.AssertNoSecret(s, KeySecret);
    }

    [TestMethod]
    public void IgnoredDeployKeyFallsBackToConvexDeployment()
    {
        using var box = new SelectionSandbox()
            .WithEnv("CONVEX_DEPLOY_KEY", "<ignore_deploy_key>")
            .WithFile(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");
        box.WithAccessToken(Token);

        Assert.AreEqual(DeploymentSelectionKind.DevWithAccessToken, box.Select().Kind);
    }

    [TestMethod]
    [DataRow("prod:happy-animal-123", DeploymentSelectionSkipReason.Production, "happy-animal-123", "prod")]
    [DataRow("preview:happy-animal-123", DeploymentSelectionSkipReason.Preview, "happy-animal-123", "preview")]
    [DataRow("local:local-me-123", DeploymentSelectionSkipReason.Local, "local-me-123", "local")]
    [DataRow("anonymous:anonymous-agent", DeploymentSelectionSkipReason.Local, "anonymous-agent", null)]
    [DataRow("dev:anonymous-agent", DeploymentSelectionSkipReason.Local, "anonymous-agent", "dev")]
    [DataRow("happy-animal-123", DeploymentSelectionSkipReason.UnknownDeploymentType, "happy-animal-123", null)]
    [DataRow("staging:happy-animal-123", DeploymentSelectionSkipReason.UnknownDeploymentType, "happy-animal-123", null)]
    public void NonDevConvexDeploymentsAreSkipped(string value, object skipReason, string name, string? type)
    {
        var reason = (DeploymentSelectionSkipReason)skipReason;
        using var box = new SelectionSandbox().WithFile(".env.local", "CONVEX_DEPLOYMENT=" + value + "\n");
        box.WithAccessToken(Token);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Skipped, s.Kind);
        Assert.AreEqual(reason, s.SkipReason);
        Assert.AreEqual(name, s.DeploymentName);
        Assert.AreEqual(type, s.DeploymentType);
        Assert.AreEqual("CONVEX_DEPLOYMENT in .env.local", s.DeploymentSource);
        Assert.IsNull(s.Credential);
        if (reason == DeploymentSelectionSkipReason.UnknownDeploymentType) Assert.Contains("npx convex dev", s.Message!);
        SelectionSandbox.AssertNoSecret(s, Token);
    }

    [TestMethod]
    public void NameIsTheTextAfterTheLastColonAndProcessValuesAreUsedAsGiven()
    {
        using var box = new SelectionSandbox().WithEnv("CONVEX_DEPLOYMENT", "dev:team:happy-animal-123");
        box.WithAccessToken(Token);
        Assert.AreEqual("happy-animal-123", box.Select().DeploymentName);

        box.WithEnv("CONVEX_DEPLOYMENT", "dev:happy-animal-123 # comment");
        Assert.AreEqual("happy-animal-123 # comment", box.Select().DeploymentName);
    }

    [TestMethod]
    public void DevWithoutANameIsInvalid()
    {
        using var box = new SelectionSandbox().WithEnv("CONVEX_DEPLOYMENT", "dev:");
        box.WithAccessToken(Token);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Invalid, s.Kind);
        Assert.Contains("names no deployment", s.Message!);
    }

    [TestMethod]
    public void NothingConfiguredSaysToRunConvexDevOnce()
    {
        using var box = new SelectionSandbox().WithFile(".env.local", "VITE_CONVEX_URL=https://x.convex.cloud\nCONVEX_DEPLOYMENT=\n");
        box.WithAccessToken(Token);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.NotConfigured, s.Kind);
        Assert.Contains("npx convex dev", s.Message!);
        Assert.Contains(".env.local", s.Message!);
        Assert.IsNull(s.DeploymentName);
        Assert.IsNull(s.Credential);
    }

    [TestMethod]
    public void SelfHostedIsSkipped()
    {
        using var box = new SelectionSandbox()
            .WithFile(".env.local", "CONVEX_SELF_HOSTED_URL=http://127.0.0.1:3210\nCONVEX_SELF_HOSTED_ADMIN_KEY=convex-self-hosted|" + KeySecret + "\n");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Skipped, s.Kind);
        Assert.AreEqual(DeploymentSelectionSkipReason.SelfHosted, s.SkipReason);
        Assert.AreEqual("CONVEX_SELF_HOSTED_URL in .env.local", s.DeploymentSource);
        Assert.IsNull(s.Credential);
        SelectionSandbox.AssertNoSecret(s, KeySecret);
    }

    [TestMethod]
    public void SelfHostedUrlAloneIsSkippedToo()
    {
        using var box = new SelectionSandbox().WithEnv("CONVEX_SELF_HOSTED_URL", "http://127.0.0.1:3210");

        Assert.AreEqual(DeploymentSelectionSkipReason.SelfHosted, box.Select().SkipReason);
    }

    [TestMethod]
    public void SelfHostedPairWithConvexDeploymentIsTheCliError()
    {
        using var box = new SelectionSandbox()
            .WithEnv("CONVEX_SELF_HOSTED_URL", "http://127.0.0.1:3210")
            .WithEnv("CONVEX_SELF_HOSTED_ADMIN_KEY", "convex-self-hosted|" + KeySecret)
            .WithFile(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Invalid, s.Kind);
        Assert.AreEqual("CONVEX_DEPLOYMENT must not be set when CONVEX_SELF_HOSTED_URL and CONVEX_SELF_HOSTED_ADMIN_KEY are set", s.Message);
        SelectionSandbox.AssertNoSecret(s, KeySecret);
    }

    [TestMethod]
    [DataRow("CONVEX_SELF_HOSTED_URL", "http://127.0.0.1:3210")]
    [DataRow("CONVEX_SELF_HOSTED_ADMIN_KEY", "convex-self-hosted|" + KeySecret)]
    public void OneSelfHostedVariableWithConvexDeploymentIsTheCliError(string name, string value)
    {
        using var box = new SelectionSandbox()
            .WithEnv(name, value)
            .WithFile(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionKind.Invalid, s.Kind);
        Assert.AreEqual("CONVEX_SELF_HOSTED_URL and CONVEX_SELF_HOSTED_ADMIN_KEY must not be set when CONVEX_DEPLOYMENT is set", s.Message);
        SelectionSandbox.AssertNoSecret(s, KeySecret);
    }

    [TestMethod]
    public void DeployKeyWinsOverSelfHostedConflicts()
    {
        using var box = new SelectionSandbox()
            .WithEnv("CONVEX_DEPLOY_KEY", "dev:happy-animal-123|" + KeySecret)
            .WithEnv("CONVEX_SELF_HOSTED_URL", "http://127.0.0.1:3210")
            .WithEnv("CONVEX_DEPLOYMENT", "dev:other-thing-456");

        Assert.AreEqual(DeploymentSelectionKind.DevDeployKey, box.Select().Kind);
    }

    [TestMethod]
    public void ProcessEnvironmentOverridesTheEnvFileForSelection()
    {
        using var box = new SelectionSandbox()
            .WithEnv("CONVEX_DEPLOYMENT", "prod:prod-thing-789")
            .WithFile(".env.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");
        box.WithAccessToken(Token);

        var s = box.Select();

        Assert.AreEqual(DeploymentSelectionSkipReason.Production, s.SkipReason);
        Assert.AreEqual("CONVEX_DEPLOYMENT in the process environment", s.DeploymentSource);
    }

    [TestMethod]
    public void ConfiguredEnvFileIsNamedInSources()
    {
        using var box = new SelectionSandbox()
            .WithFile(".env.local", "CONVEX_DEPLOYMENT=prod:prod-thing-789\n")
            .WithFile(".env.development.local", "CONVEX_DEPLOYMENT=dev:happy-animal-123\n");
        box.WithAccessToken(Token);

        var s = box.Select(".env.development.local");

        Assert.AreEqual(DeploymentSelectionKind.DevWithAccessToken, s.Kind);
        Assert.AreEqual("CONVEX_DEPLOYMENT in .env.development.local", s.DeploymentSource);
        CollectionAssert.DoesNotContain(s.InputFiles.ToArray(), Path.Combine(box.AppDirectory, ".env.local"));
    }
}
