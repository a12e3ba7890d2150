using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.WorkOS;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Plan;

/// <summary>
/// The WorkOS AuthKit component's webhook in the plan (docs/architecture.md#the-component-webhook): the step when the build
/// makes it, CAK2109 with the manual steps when it does not, CAK2113 for events it cannot read.
/// </summary>
[TestClass]
public sealed class PlanWarningTests
{
    private const string Deployment = "happy-animal-123";
    private static readonly Uri RegionalSite = new("https://happy-animal-123.eu-west-1.convex.site");
    private static readonly string[] ThreeEvents = { "user.created", "user.updated", "user.deleted" };

    private static readonly Dictionary<string, string> Provisioned = new()
    {
        ["WORKOS_CLIENT_ID"] = "client_01WARN",
        ["WORKOS_API_KEY"] = "sk_test_warn_secret",
        ["WORKOS_ENVIRONMENT_ID"] = "environment_01WARN",
    };

    private static WebhookFacts Webhook(bool configure = true, Uri? siteUrl = null, string? notLiteralFile = null, IReadOnlyList<WebhookEndpoint>? endpoints = null) =>
        new(configure, new AuthKitEventTypes(ThreeEvents, notLiteralFile), siteUrl ?? RegionalSite, endpoints);

    private static ProvisioningFacts Facts(IReadOnlyDictionary<string, string> variables, WebhookFacts? webhook,
        DeploymentSelectionKind kind = DeploymentSelectionKind.DevWithAccessToken)
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
            new WorkOSTeamSettings(null, false), dev, false, environment, null, webhook == null ? null : "convex/auth.ts", webhook, Provisioned: null, WorkOSEnvironmentGone: false, BuildWrites.None);
    }

    private static WebhookEndpoint Endpoint(string id, string url, string status, string createdAt, params string[] events) =>
        new(id, new Uri(url), status, events, DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture), "whsec_" + id);

    [TestMethod]
    public void SwitchedOffTheComponentWithoutItsSecretWarnsWithTheStepsAtTheDeploymentsOwnSiteUrl()
    {
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, Webhook(configure: false)));

        Assert.IsNull(plan.Refusal);
        Assert.IsNull(plan.Find<ConfigureWebhookEndpoint>());
        var warning = plan.Warnings.Single();
        Assert.AreEqual("CAK2109", warning.Diagnostic.Code);
        Assert.AreEqual(
            "convex/auth.ts uses the WorkOS AuthKit component, which needs WORKOS_WEBHOOK_SECRET on deployment happy-animal-123, and the deployment has none; "
            + "ConvexAuthKitConfigureWebhook is false, so the build does not make one. In the WorkOS dashboard, create a webhook endpoint "
            + "https://happy-animal-123.eu-west-1.convex.site/workos/webhook for the events user.created, user.updated, user.deleted, "
            + "then run `npx convex env set WORKOS_WEBHOOK_SECRET=<secret>` with its signing secret.",
            warning.Message);
        Assert.IsNull(plan.Find<SetDeploymentVariables>(), "nothing to write");
    }

    [TestMethod]
    public void SwitchedOnTheSecretJoinsTheVariablesWriteAndNothingWarns()
    {
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, Webhook()));

        Assert.AreEqual(0, plan.Warnings.Count);
        var step = plan.Find<ConfigureWebhookEndpoint>()!;
        Assert.AreEqual("https://happy-animal-123.eu-west-1.convex.site/workos/webhook", step.EndpointUrl.ToString());
        CollectionAssert.AreEqual(ThreeEvents, step.Events.ToArray());
        Assert.IsNull(step.Choice, "the build lists the endpoints beside the WorkOS settings");
        var write = plan.Find<SetDeploymentVariables>()!;
        Assert.IsTrue(write.SetsWebhookSecret);
        Assert.AreEqual("WORKOS_WEBHOOK_SECRET", write.Names);
        Assert.IsTrue(plan.ChangesSomething);
        Assert.AreEqual("create or update the webhook endpoint https://happy-animal-123.eu-west-1.convex.site/workos/webhook (user.created, user.updated, user.deleted), set WORKOS_WEBHOOK_SECRET", step.Summary);
    }

    [TestMethod]
    public void WithoutASiteUrlTheStepsSayWhy()
    {
        var facts = Facts(Provisioned, Webhook() with { SiteUrl = null });
        var plan = ProvisioningPlanner.Plan(facts);

        Assert.IsNull(plan.Find<ConfigureWebhookEndpoint>());
        StringAssert.Contains(plan.Warnings.Single().Message, "the deployment does not say where it serves HTTP actions");
        StringAssert.Contains(plan.Warnings.Single().Message, "create a webhook endpoint <the deployment's HTTP actions URL, ending .convex.site>/workos/webhook");
    }

    [TestMethod]
    public void AWebhookSecretOnTheDeploymentOrNoComponentMeansNoStepAndNoWarning()
    {
        var withSecret = new Dictionary<string, string>(Provisioned) { ["WORKOS_WEBHOOK_SECRET"] = "whsec_set" };
        var plan = ProvisioningPlanner.Plan(Facts(withSecret, Webhook()));
        Assert.AreEqual(0, plan.Warnings.Count);
        Assert.AreEqual(0, plan.Steps.Count(step => step is ConfigureWebhookEndpoint || step is SetDeploymentVariables));
        Assert.AreEqual(0, ProvisioningPlanner.Plan(Facts(Provisioned, null)).Warnings.Count);
        var blank = new Dictionary<string, string>(Provisioned) { ["WORKOS_WEBHOOK_SECRET"] = "" };
        Assert.IsNotNull(ProvisioningPlanner.Plan(Facts(blank, Webhook())).Find<ConfigureWebhookEndpoint>(), "an empty secret is none");
    }

    [TestMethod]
    public void ARefusalCarriesTheManualSteps()
    {
        var plan = ProvisioningPlanner.Plan(Facts(new Dictionary<string, string>(), Webhook(), DeploymentSelectionKind.DevDeployKey));

        Assert.AreEqual("CAK1006", plan.Refusal!.Diagnostic.Code);
        Assert.AreEqual("CAK2109", plan.Warnings.Single().Diagnostic.Code);
    }

    [TestMethod]
    public void EventsTheBuildCannotReadAreCak2113NamingTheFile()
    {
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, Webhook(notLiteralFile: "convex/auth.ts")));

        Assert.IsNotNull(plan.Find<ConfigureWebhookEndpoint>());
        var warning = plan.Warnings.Single();
        Assert.AreEqual("CAK2113", warning.Diagnostic.Code);
        StringAssert.StartsWith(warning.Message, "convex/auth.ts passes additionalEventTypes to new AuthKit(...) in a form the build cannot read");
        StringAssert.Contains(warning.Message, "gets only user.created, user.updated, user.deleted. Add the other events to that endpoint in the WorkOS dashboard");
    }

    [TestMethod]
    public void ADisabledEndpointAtOurUrlIsEnabledWithTheUnionOfItsEventsAndOurs()
    {
        var endpoints = new[]
        {
            Endpoint("we_other", "https://example.com/hooks", "enabled", "2026-01-01T00:00:00Z", "session.created"),
            Endpoint("we_ours", "https://happy-animal-123.eu-west-1.convex.site/workos/webhook/", "disabled", "2026-01-02T00:00:00Z", "organization.created", "user.created"),
        };
        var step = ProvisioningPlanner.Plan(Facts(Provisioned, Webhook(endpoints: endpoints))).Find<ConfigureWebhookEndpoint>()!;

        Assert.AreEqual("we_ours", step.Choice!.Existing!.Id, "a trailing slash is the same URL");
        Assert.IsTrue(step.Choice.Updates);
        CollectionAssert.AreEqual(new[] { "organization.created", "user.created", "user.updated", "user.deleted" }, step.Choice.Events.ToArray(), "never removes an event the user added");
    }

    [TestMethod]
    public void TheOldestEndpointAtOurUrlIsTheOneEveryBuildKeeps()
    {
        var url = new Uri("https://happy-animal-123.convex.site/workos/webhook");
        var endpoints = new[]
        {
            Endpoint("we_b", url.ToString(), "enabled", "2026-01-02T00:00:00Z", ThreeEvents),
            Endpoint("we_c", url.ToString(), "enabled", "2026-01-01T00:00:00Z", ThreeEvents),
            Endpoint("we_a", url.ToString(), "enabled", "2026-01-01T00:00:00Z", ThreeEvents),
            Endpoint("we_0", "https://happy-animal-123.convex.site/other", "enabled", "2025-01-01T00:00:00Z", ThreeEvents),
        };

        Assert.AreEqual("we_a", WebhookEndpointChoice.Survivor(endpoints, url)!.Id, "created_at, then id");
        var reuse = WebhookEndpointChoice.Choose(endpoints, url, ThreeEvents);
        Assert.IsFalse(reuse.Creates || reuse.Updates, "an enabled endpoint with every event is reused as it is");
    }
}
