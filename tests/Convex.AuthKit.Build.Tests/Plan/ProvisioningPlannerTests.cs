using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.Selection;
using Convex.AuthKit.Build.WorkOS;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.Plan;

/// <summary>The planner alone (docs/architecture.md#the-provisioning-plan): facts in, a refusal or ordered steps out. No network, no file.</summary>
[TestClass]
public sealed class ProvisioningPlannerTests
{
    private const string Deployment = "happy-animal-123";
    private const string ClientId = "client_01PLANNER";
    private const string ApiKey = "sk_test_planner_secret";
    private const string EnvironmentId = "environment_01PLANNER";

    private static readonly IReadOnlyDictionary<string, string> Provisioned = new Dictionary<string, string>
    {
        ["WORKOS_CLIENT_ID"] = ClientId,
        ["WORKOS_API_KEY"] = ApiKey,
        ["WORKOS_ENVIRONMENT_ID"] = EnvironmentId,
    };

    private static readonly WorkOSTeamAssociation AssociatedTeam = new(true, 1, false, "dev@example.com");
    private static readonly WorkOSTeamAssociation TeamWithoutWorkOS = new(false, 1, false, null);

    /// <summary>The vite fixture's dev section: three WorkOS settings, two env-file entries.</summary>
    private static AuthKitEnvironmentConfig ViteDev(string redirectUri = "http://localhost:5173/callback") => new(
        Configure: new ConfigureSection(new[] { redirectUri }, "http://localhost:5173", new[] { "http://localhost:5173" }),
        LocalEnvVars: new[]
        {
            new KeyValuePair<string, string>("VITE_WORKOS_CLIENT_ID", "${authEnv.WORKOS_CLIENT_ID}"),
            new KeyValuePair<string, string>("VITE_WORKOS_REDIRECT_URI", "http://localhost:5173/callback"),
        });

    private static ProvisioningFacts Facts(
        IReadOnlyDictionary<string, string>? variables = null,
        WorkOSTeamAssociation? team = null,
        bool teamUnknown = false,
        WorkOSTeamSettings? teamSettings = null,
        AuthKitEnvironmentConfig? dev = null,
        string? envFile = null,
        DeploymentSelectionKind kind = DeploymentSelectionKind.DevWithAccessToken,
        Dictionary<string, string?>? processEnvironment = null)
    {
        var selection = new DeploymentSelection(kind, new Uri("https://api.convex.dev"), Array.Empty<string>(), Array.Empty<string>())
        {
            DeploymentName = Deployment,
            DeploymentType = "dev",
            CredentialSource = kind == DeploymentSelectionKind.DevDeployKey ? "CONVEX_DEPLOY_KEY from the process environment" : "access token from ~/.convex/config.json",
        };
        // A folder that does not exist: the build environment has no file, only what the test injects.
        var app = Path.Combine(Path.GetTempPath(), "convex-authkit-planner-" + Guid.NewGuid().ToString("N"));
        var environment = BuildEnvironment.Load(app, null, name => processEnvironment != null && processEnvironment.TryGetValue(name, out var value) ? value : null);
        return new ProvisioningFacts(selection, variables ?? new Dictionary<string, string>(),
            kind == DeploymentSelectionKind.DevDeployKey || teamUnknown ? null : team ?? AssociatedTeam,
            teamSettings ?? new WorkOSTeamSettings(null, false), dev ?? ViteDev(), false, environment,
            EnvFileSnapshot.Of(envFile == null ? null : new DotEnvDocument(envFile, false), environment), AuthKitComponentFile: null, Webhook: null, Provisioned: null, WorkOSEnvironmentGone: false, BuildWrites.None);
    }

    private static Refusal Refused(ProvisioningFacts facts)
    {
        var plan = ProvisioningPlanner.Plan(facts);
        Assert.IsNotNull(plan.Refusal, "expected a refusal, got: " + string.Join(", ", plan.Steps));
        Assert.AreEqual(0, plan.Steps.Count);
        return plan.Refusal!;
    }

    /// <summary>An env-file problem never holds back the remote steps: the env-file step carries it, last.</summary>
    private static Refusal EnvFileProblem(ProvisioningFacts facts, params Type[] remoteSteps)
    {
        var plan = ProvisioningPlanner.Plan(facts);
        Assert.IsNull(plan.Refusal, plan.Refusal?.Message);
        CollectionAssert.AreEqual(remoteSteps.Append(typeof(WriteEnvFile)).ToArray(), StepTypes(plan));
        Assert.AreEqual(0, plan.Find<WriteEnvFile>()!.File.Changes.Count, "nothing is written while the file has a problem");
        Assert.IsNotNull(plan.EnvFileProblem);
        return plan.EnvFileProblem!;
    }

    private static Type[] StepTypes(ProvisioningPlan plan)
    {
        Assert.IsNull(plan.Refusal, plan.Refusal?.Message);
        return plan.Steps.Select(s => s.GetType()).ToArray();
    }

    // Refusals

    [TestMethod]
    public void DeployKeyCannotProvision()
    {
        var refusal = Refused(Facts(kind: DeploymentSelectionKind.DevDeployKey));
        Assert.AreEqual("CAK1006", refusal.Diagnostic.Code);
        StringAssert.Contains(refusal.Message, "such keys cannot provision WorkOS environments");
        StringAssert.Contains(refusal.Message, $"https://dashboard.convex.dev/d/{Deployment}/settings/environment-variables");
        Assert.AreEqual("the deployment has no WorkOS credentials, and a deploy key cannot provision them", refusal.Summary);
    }

    [TestMethod]
    public void DeployKeyConfiguresAProvisionedDeployment()
    {
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, kind: DeploymentSelectionKind.DevDeployKey));
        CollectionAssert.AreEqual(new[] { typeof(ConfigureWorkOS), typeof(WriteEnvFile) }, StepTypes(plan));
    }

    [TestMethod]
    public void TeamThatChoseNotToConnectWorkOS()
    {
        var refusal = Refused(Facts(team: new WorkOSTeamAssociation(false, 1, true, null)));
        Assert.AreEqual("CAK1008", refusal.Diagnostic.Code);
        StringAssert.Contains(refusal.Message, $"The Convex team of deployment {Deployment} chose not to connect a WorkOS team");
        Assert.AreEqual("the Convex team chose not to connect WorkOS", refusal.Summary);
    }

    [TestMethod]
    public void TeamWithoutWorkOSAndNoLeaveToCreateIt()
    {
        var refusal = Refused(Facts(team: TeamWithoutWorkOS));
        Assert.AreEqual("CAK1007", refusal.Diagnostic.Code);
        StringAssert.StartsWith(refusal.Message, $"The Convex team of deployment {Deployment} has no WorkOS team yet, and a build never prompts: set ConvexAuthKitWorkOSTeamEmail and ConvexAuthKitAcceptWorkOSTerms=true, or run `npx convex dev` once.\n");
        StringAssert.Contains(refusal.Message, "ConvexAuthKitAcceptWorkOSTerms=true");
        StringAssert.StartsWith(refusal.Summary, "the Convex team has no WorkOS team yet");
    }

    [TestMethod]
    public void TeamEmailWithoutAcceptedTermsSaysSoFirst()
    {
        var refusal = Refused(Facts(team: TeamWithoutWorkOS, teamSettings: new WorkOSTeamSettings("dev@example.com", false)));
        Assert.AreEqual("CAK1007", refusal.Diagnostic.Code);
        StringAssert.StartsWith(refusal.Message, "ConvexAuthKitWorkOSTeamEmail is set, but creating a WorkOS team also needs ConvexAuthKitAcceptWorkOSTerms=true");
        StringAssert.Contains(refusal.Message, ProvisioningPlanner.TermsUrl);
    }

    [TestMethod]
    public void VariableMismatchUsesTheCliWordingAndNamesTheSource()
    {
        var refusal = Refused(Facts(Provisioned, processEnvironment: new() { ["WORKOS_CLIENT_ID"] = "client_01STALE" }));
        Assert.AreEqual("CAK1009", refusal.Diagnostic.Code);
        StringAssert.StartsWith(refusal.Message, "WorkOS environment variable mismatch detected!");
        StringAssert.Contains(refusal.Message, $"  WORKOS_CLIENT_ID: deployment has '{ClientId}' but we need 'client_01STALE'");
        StringAssert.Contains(refusal.Message, "The WORKOS_CLIENT_ID we need comes from the process environment");
        Assert.IsFalse(refusal.Message.Contains(ApiKey), "never the API key");
    }

    [TestMethod]
    public void UnresolvableWorkOSSettingTemplate()
    {
        var refusal = Refused(Facts(dev: ViteDev("https://${buildEnv.PREVIEW_HOST}/callback")));
        Assert.AreEqual("CAK1011", refusal.Diagnostic.Code);
        Assert.AreEqual("Error configuring redirect URI: Cannot resolve template ${buildEnv.PREVIEW_HOST}: Environment variable PREVIEW_HOST is not set. (authKit.dev.configure in convex.json)", refusal.Message);
    }

    [TestMethod]
    public void UnresolvableEnvFileTemplate()
    {
        var dev = new AuthKitEnvironmentConfig(LocalEnvVars: new[] { new KeyValuePair<string, string>("VITE_HOST", "${buildEnv.HOST}") });
        var problem = EnvFileProblem(Facts(Provisioned, dev: dev));
        Assert.AreEqual("CAK1011", problem.Diagnostic.Code);
        StringAssert.StartsWith(problem.Message, "authKit.dev.localEnvVars.VITE_HOST in convex.json: Cannot resolve template ${buildEnv.HOST}");
    }

    [TestMethod]
    public void StaleEnvFileEntryOfAProvisionedDeployment()
    {
        var problem = EnvFileProblem(Facts(Provisioned, envFile: "# mine\nVITE_WORKOS_CLIENT_ID=client_01FROMANOTHERDEPLOYMENT\n"), typeof(ConfigureWorkOS));
        Assert.AreEqual("CAK1010", problem.Diagnostic.Code);
        StringAssert.StartsWith(problem.Message, $"VITE_WORKOS_CLIENT_ID in .env.local (line 2) is 'client_01FROMANOTHERDEPLOYMENT' but the deployment's WorkOS environment gives '{ClientId}'");
        StringAssert.Contains(problem.Message, "Delete the line VITE_WORKOS_CLIENT_ID=... (line 2) from .env.local");
    }

    [TestMethod]
    public void StaleEnvFileEntryIsCheckedAgainstTheProvisionedValuesNotThePlaceholders()
    {
        var facts = Facts(envFile: "VITE_WORKOS_CLIENT_ID=client_01FROMANOTHERDEPLOYMENT\n");
        Assert.IsNull(ProvisioningPlanner.Plan(facts).EnvFileProblem, "placeholders cannot be compared with");

        var afterProvisioning = facts with { Provisioned = new ProvisionedEnvironment(Deployment, true, new WorkOSCredentials(ClientId, ApiKey, EnvironmentId)) };
        Assert.AreEqual("CAK1010", EnvFileProblem(afterProvisioning, typeof(SetDeploymentVariables), typeof(ConfigureWorkOS)).Diagnostic.Code);
    }

    [TestMethod]
    public void EnvFileValueThatCannotBeWritten()
    {
        var dev = new AuthKitEnvironmentConfig(LocalEnvVars: new[] { new KeyValuePair<string, string>("VITE_ODD", "it's `\"odd\"`\nvalue") });
        var problem = EnvFileProblem(Facts(Provisioned, dev: dev));
        Assert.AreEqual("CAK1015", problem.Diagnostic.Code);
        StringAssert.StartsWith(problem.Message, "The value of VITE_ODD cannot be written to .env.local");
    }

    // Steps

    [TestMethod]
    public void ColdProvisioning_ProvisionsThenSetsConfiguresAndWrites()
    {
        var plan = ProvisioningPlanner.Plan(Facts());
        CollectionAssert.AreEqual(new[] { typeof(ProvisionEnvironment), typeof(SetDeploymentVariables), typeof(ConfigureWorkOS), typeof(WriteEnvFile) }, StepTypes(plan));
        Assert.IsTrue(plan.Provisions);
        Assert.AreEqual(new ProvisionEnvironment(Deployment, "nonproduction"), plan.Find<ProvisionEnvironment>());
        CollectionAssert.AreEqual(new[] { "WORKOS_CLIENT_ID", "WORKOS_ENVIRONMENT_ID", "WORKOS_API_KEY" }, plan.Find<SetDeploymentVariables>()!.Changes.Select(c => c.Name).ToArray());
        CollectionAssert.AreEqual(
            new[] { "redirect URI http://localhost:5173/callback", "app homepage URL http://localhost:5173", "CORS origin http://localhost:5173" },
            plan.Find<ConfigureWorkOS>()!.Settings.Select(s => s.Describe()).ToArray());
        Assert.AreEqual(
            $"provision the AuthKit environment of deployment {Deployment} (or reuse the one Convex already has for it); set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY on the deployment; "
            + "register the 3 WorkOS settings with WorkOS; write VITE_WORKOS_CLIENT_ID, VITE_WORKOS_REDIRECT_URI to .env.local",
            string.Join("; ", plan.Steps.Select(s => s.Summary)));
    }

    [TestMethod]
    public void ColdProvisioning_CreatesTheWorkOSTeamFirstWhenTold()
    {
        var plan = ProvisioningPlanner.Plan(Facts(team: TeamWithoutWorkOS, teamSettings: new WorkOSTeamSettings("dev@example.com", true)));
        CollectionAssert.AreEqual(
            new[] { typeof(CreateWorkOSTeam), typeof(ProvisionEnvironment), typeof(SetDeploymentVariables), typeof(ConfigureWorkOS), typeof(WriteEnvFile) },
            StepTypes(plan));
        Assert.AreEqual(new CreateWorkOSTeam(1, "dev@example.com"), plan.Find<CreateWorkOSTeam>());
    }

    [TestMethod]
    public void ColdProvisioning_WithAnUnansweredTeamQuestion_DecidesNothingAboutTheTeam()
    {
        var plan = ProvisioningPlanner.Plan(Facts(teamUnknown: true));
        Assert.IsTrue(plan.Provisions);
        Assert.IsNull(plan.Find<CreateWorkOSTeam>());
    }

    [TestMethod]
    public void ConfiguredDeploymentWithGaps_FillsOnlyTheGaps()
    {
        var variables = new Dictionary<string, string> { ["WORKOS_CLIENT_ID"] = ClientId, ["WORKOS_API_KEY"] = ApiKey };
        var plan = ProvisioningPlanner.Plan(Facts(variables, processEnvironment: new() { ["WORKOS_ENVIRONMENT_ID"] = EnvironmentId }));
        CollectionAssert.AreEqual(new[] { typeof(SetDeploymentVariables), typeof(ConfigureWorkOS), typeof(WriteEnvFile) }, StepTypes(plan));
        Assert.AreEqual(new EnvironmentVariableChange("WORKOS_ENVIRONMENT_ID", EnvironmentId), plan.Find<SetDeploymentVariables>()!.Changes.Single());
        Assert.AreEqual(new WorkOSCredentials(ClientId, ApiKey, EnvironmentId), plan.Find<ConfigureWorkOS>()!.Credentials);
        Assert.AreEqual("VITE_WORKOS_CLIENT_ID=" + ClientId, plan.Find<WriteEnvFile>()!.File.Changes[0].Display);
    }

    [TestMethod]
    public void NothingToDo_OnlyReSendsTheWorkOSSettings()
    {
        var complete = "VITE_WORKOS_CLIENT_ID=" + ClientId + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n";
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, envFile: complete));
        CollectionAssert.AreEqual(new[] { typeof(ConfigureWorkOS) }, StepTypes(plan));

        var withoutConfigure = new AuthKitEnvironmentConfig(ConfigureDisabled: true, LocalEnvVars: ViteDev().LocalEnvVars);
        Assert.AreEqual(0, StepTypes(ProvisioningPlanner.Plan(Facts(Provisioned, dev: withoutConfigure, envFile: complete))).Length);
    }

    [TestMethod]
    public void OnlyStepsThatChangeSomethingMakeThePlanChangeSomething()
    {
        var complete = "VITE_WORKOS_CLIENT_ID=" + ClientId + "\nVITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\n";
        Assert.IsFalse(ProvisioningPlanner.Plan(Facts(Provisioned, envFile: complete)).ChangesSomething, "re-sending the WorkOS settings alone changes nothing");
        Assert.IsTrue(ProvisioningPlanner.Plan(Facts(Provisioned)).ChangesSomething, "the env file lacks its entries");
        Assert.IsTrue(ProvisioningPlanner.Plan(Facts()).ChangesSomething, "a fresh deployment is provisioned");
        Assert.IsTrue(ProvisioningPlanner.Plan(Facts(Provisioned, kind: DeploymentSelectionKind.DevDeployKey, processEnvironment: new() { ["WORKOS_CLIENT_ID"] = "client_01STALE" })).ChangesSomething,
            "a refusal is something the build reports");
    }

    [TestMethod]
    public void TheCookiePasswordIsLeftToTheWriter_SoNoPlanDrawsOne()
    {
        var dev = new AuthKitEnvironmentConfig(LocalEnvVars: new[] { new KeyValuePair<string, string>("WORKOS_CLIENT_ID", "${authEnv.WORKOS_CLIENT_ID}") });
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, dev: dev) with { WantsCookiePassword = true });

        var envFile = plan.Find<WriteEnvFile>()!.File;
        Assert.AreEqual("WORKOS_COOKIE_PASSWORD", envFile.Changes[^1].Name);
        Assert.IsNull(envFile.Changes[^1].Value, "the plan holds no password: a status or a dry run would throw it away");
        Assert.AreEqual("WORKOS_COOKIE_PASSWORD=***", envFile.Changes[^1].Display);
        var generated = 0;
        var text = envFile.NewText(() => "generated-" + ++generated);
        Assert.AreEqual(1, generated, "generated once, by the write");
        StringAssert.Contains(text, "WORKOS_CLIENT_ID=" + ClientId + "\n");
        StringAssert.EndsWith(text, "\nWORKOS_COOKIE_PASSWORD=generated-1\n", "last, as the CLI writes it");
    }

    [TestMethod]
    public void AnEnvironmentWorkOSNoLongerHas_RefusesTheConfiguration_WhenTheFactIsKnown()
    {
        var known = Facts(Provisioned) with { WorkOSEnvironmentGone = true };
        var refusal = Refused(known);
        Assert.AreEqual("CAK1013", refusal.Diagnostic.Code);
        Assert.AreEqual("WorkOS rejects the deployment's WORKOS_API_KEY, as its environment no longer exists", refusal.Message);

        Assert.IsNull(ProvisioningPlanner.Plan(Facts() with { WorkOSEnvironmentGone = true }).Refusal, "a plan that provisions gets a new environment");
        var withoutConfigure = new AuthKitEnvironmentConfig(ConfigureDisabled: true, LocalEnvVars: ViteDev().LocalEnvVars);
        Assert.IsNull(ProvisioningPlanner.Plan(Facts(Provisioned, dev: withoutConfigure) with { WorkOSEnvironmentGone = true }).Refusal, "nothing is sent to WorkOS");
    }

    [TestMethod]
    public void AfterProvisioning_TheNewEnvironmentsValuesReplaceThePlaceholders()
    {
        var facts = Facts() with { Provisioned = new ProvisionedEnvironment(Deployment, true, new WorkOSCredentials(ClientId, ApiKey, EnvironmentId)) };
        var plan = ProvisioningPlanner.Plan(facts);
        CollectionAssert.AreEqual(new[] { typeof(SetDeploymentVariables), typeof(ConfigureWorkOS), typeof(WriteEnvFile) }, StepTypes(plan));
        CollectionAssert.AreEqual(
            new[] { new EnvironmentVariableChange("WORKOS_CLIENT_ID", ClientId), new EnvironmentVariableChange("WORKOS_ENVIRONMENT_ID", EnvironmentId), new EnvironmentVariableChange("WORKOS_API_KEY", ApiKey) },
            plan.Find<SetDeploymentVariables>()!.Changes.ToArray());
        var envFile = plan.Find<WriteEnvFile>()!.File;
        Assert.AreEqual($"# See this environment at https://dashboard.workos.com/{EnvironmentId}/authentication", envFile.Changes[0].CommentOnPreviousLine);
        Assert.AreEqual("VITE_WORKOS_CLIENT_ID=" + ClientId, envFile.Changes[0].Display);
        Assert.IsFalse(envFile.Inputs.ArePlaceholders);
    }

    [TestMethod]
    public void DryRunPlanOfAFreshDeployment_HoldsPlaceholders()
    {
        var plan = ProvisioningPlanner.Plan(Facts());
        Assert.IsTrue(plan.Find<SetDeploymentVariables>()!.Changes.All(c => c.Value!.StartsWith('<') && c.Value.EndsWith(" new environment>", StringComparison.Ordinal)), string.Join(", ", plan.Find<SetDeploymentVariables>()!.Changes.Select(c => c.Value)));
        Assert.AreEqual(WorkOSCredentialsPlan.Placeholders, plan.Find<ConfigureWorkOS>()!.Credentials);
        var envFile = plan.Find<WriteEnvFile>()!.File;
        Assert.IsTrue(envFile.Inputs.ArePlaceholders);
        Assert.AreEqual("VITE_WORKOS_CLIENT_ID=<client ID of the new environment>", envFile.Changes[0].Display);
        Assert.AreEqual("# See this environment at https://dashboard.workos.com/<ID of the new environment>/authentication", envFile.Changes[0].CommentOnPreviousLine);
    }

    [TestMethod]
    public void SecretsAreMaskedInEveryStepsText()
    {
        var dev = new AuthKitEnvironmentConfig(LocalEnvVars: new[] { new KeyValuePair<string, string>("WORKOS_API_KEY", "${authEnv.WORKOS_API_KEY}") });
        var plan = ProvisioningPlanner.Plan(Facts(Provisioned, dev: dev));
        using var http = DeploymentClientOnNothing(out var deployment);
        var text = string.Join("\n", plan.Steps.SelectMany(s => s.DryRunLines(deployment).Append(s.Summary).Append(s.ToString())));
        StringAssert.Contains(text, "WORKOS_API_KEY=***");
        Assert.IsFalse(text.Contains(ApiKey), text);
        Assert.IsFalse(new WorkOSCredentials(ClientId, ApiKey, EnvironmentId).ToString().Contains(ApiKey));
        Assert.IsFalse(new ProvisionedEnvironment(Deployment, true, new WorkOSCredentials(ClientId, ApiKey, EnvironmentId)).ToString().Contains(ApiKey));
    }

    // Endpoint texts

    [TestMethod]
    public void DryRunLinesNameTheEndpointsTheClientsSendTo()
    {
        var plan = ProvisioningPlanner.Plan(Facts(team: TeamWithoutWorkOS, teamSettings: new WorkOSTeamSettings("dev@example.com", true)));
        using var http = DeploymentClientOnNothing(out var deployment);
        var lines = plan.Steps.SelectMany(s => s.DryRunLines(deployment)).ToList();

        CollectionAssert.AreEqual(new[]
        {
            $"{BigBrainClient.Endpoints.AvailableWorkOSTeamEmails} (read: check dev@example.com may be the admin)",
            $"{BigBrainClient.Endpoints.ProvisionAssociatedWorkOSTeam} (create the Convex team's WorkOS team, admin dev@example.com)",
            $"{BigBrainClient.Endpoints.GetOrProvisionWorkOSEnvironment} (provision the deployment's AuthKit environment, or get the one it has)",
            $"{DeploymentClient.Endpoints.UpdateEnvironmentVariables} (set WORKOS_CLIENT_ID, WORKOS_ENVIRONMENT_ID, WORKOS_API_KEY)",
            $"{WorkOSClient.RedirectUris.Endpoint} (http://localhost:5173/callback)",
            $"{WorkOSClient.AppHomepageUrl.Endpoint} (http://localhost:5173)",
            $"{WorkOSClient.CorsOrigins.Endpoint} (http://localhost:5173)",
            ".env.local: add # See this environment at https://dashboard.workos.com/<ID of the new environment>/authentication / set VITE_WORKOS_CLIENT_ID=<client ID of the new environment>",
            ".env.local: set VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback",
        }, lines);
        // The texts the dry-run tests read are the clients' own endpoints.
        Assert.AreEqual("POST Convex management API /api/workos/get_or_provision_workos_environment", BigBrainClient.Endpoints.GetOrProvisionWorkOSEnvironment.ToString());
        Assert.AreEqual("GET deployment /api/v1/list_environment_variables", DeploymentClient.Endpoints.ListEnvironmentVariables.ToString());
        Assert.AreEqual("POST deployment /api/query _system/cli/queryEnvironmentVariables", DeploymentClient.Endpoints.CliQueryEnvironmentVariables.ToString());
        Assert.AreEqual("PUT WorkOS /user_management/app_homepage_url", WorkOSClient.AppHomepageUrl.Endpoint.ToString());
    }

    /// <summary>A client that is never used to send: only its endpoints are read.</summary>
    private static ResilientHttpClient DeploymentClientOnNothing(out DeploymentClient deployment)
    {
        var http = new ResilientHttpClient(HttpPolicy.CreateDefault());
        deployment = new DeploymentClient(http, new Uri("http://127.0.0.1:9"), "not-a-key");
        return http;
    }
}
