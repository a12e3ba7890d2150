using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Selection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Plan;

/// <summary>The plan's warnings (docs/architecture.md#the-provisioning-plan): CAK2109 for the WorkOS AuthKit component without its webhook secret.</summary>
[TestClass]
public sealed class PlanWarningTests
{
    private const string Deployment = "happy-animal-123";

    private static readonly Dictionary<string, string> Provisioned = new()
    {
        ["WORKOS_CLIENT_ID"] = "client_01WARN",
        ["WORKOS_API_KEY"] = "sk_test_warn_secret",
        ["WORKOS_ENVIRONMENT_ID"] = "environment_01WARN",
    };

    private static ProvisioningFacts Facts(IReadOnlyDictionary<string, string> variables, string? componentFile, DeploymentSelectionKind kind = DeploymentSelectionKind.DevWithAccessToken)
    {
        var selection = new DeploymentSelection(kind, new Uri("https://api.convex.dev"), Array.Empty<string>(), Array.Empty<string>())
        {
            DeploymentName = Deployment,
            DeploymentType = "dev",
            CredentialSource = "CONVEX_DEPLOY_KEY from the process environment",
        };
        var environment = BuildEnvironment.Load(Path.Combine(Path.GetTempPath(), "convex-authkit-warnings-" + Guid.NewGuid().ToString("N")), null, _ => null);
        var dev = new AuthKitEnvironmentConfig(Configure: new ConfigureSection(new[] { "http://localhost:5173/callback" }, null, null));
        return new ProvisioningFacts(selection, variables, kind == DeploymentSelectionKind.DevDeployKey ? null : new WorkOSTeamAssociation(true, 1, false, "dev@example.com"),
            new WorkOSTeamSettings(null, false), dev, false, environment, null, componentFile, Provisioned: null, WorkOSEnvironmentGone: false, BuildWrites.None);
    }

    [TestMethod]
    public void TheComponentWithoutItsWebhookSecretWarnsWithTheSteps()
    {
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, "convex/auth.ts"));

        Assert.IsNull(plan.Refusal);
        var warning = plan.Warnings.Single();
        Assert.AreEqual("CAK2109", warning.Diagnostic.Code);
        Assert.AreEqual(
            "convex/auth.ts uses the WorkOS AuthKit component, which needs WORKOS_WEBHOOK_SECRET on deployment happy-animal-123, and the deployment has none " +
            "(the build never invents it). In the WorkOS dashboard, create a webhook endpoint https://happy-animal-123.convex.site/workos/webhook " +
            "for the events user.created, user.updated and user.deleted, then run `npx convex env set WORKOS_WEBHOOK_SECRET=<secret>` with its signing secret.",
            warning.Message);
        Assert.IsFalse(plan.Steps.OfType<SetDeploymentVariables>().Any(step => step.Changes.Any(c => c.Name == "WORKOS_WEBHOOK_SECRET")), "the build never sets it");
    }

    [TestMethod]
    public void AWebhookSecretOnTheDeploymentOrNoComponentMeansNoWarning()
    {
        var withSecret = new Dictionary<string, string>(Provisioned) { ["WORKOS_WEBHOOK_SECRET"] = "whsec_set" };
        Assert.AreEqual(0, ProvisioningPlanner.Plan(Facts(withSecret, "convex/auth.ts")).Warnings.Count);
        Assert.AreEqual(0, ProvisioningPlanner.Plan(Facts(Provisioned, null)).Warnings.Count);
        var blank = new Dictionary<string, string>(Provisioned) { ["WORKOS_WEBHOOK_SECRET"] = "" };
        Assert.AreEqual(1, ProvisioningPlanner.Plan(Facts(blank, "convex/auth.ts")).Warnings.Count, "an empty secret is none");
    }

    [TestMethod]
    public void ARefusalCarriesTheWarningToo()
    {
        var plan = ProvisioningPlanner.Plan(Facts(new Dictionary<string, string>(), "convex/auth.ts", DeploymentSelectionKind.DevDeployKey));

        Assert.AreEqual("CAK1006", plan.Refusal!.Diagnostic.Code);
        Assert.AreEqual("CAK2109", plan.Warnings.Single().Diagnostic.Code);
    }
}
