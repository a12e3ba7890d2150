namespace Convex.AuthKit.Build.Selection;

/// <summary>The texts of <see cref="DeploymentSelection.Message"/>. None of them takes a secret.</summary>
internal static class DeploymentSelectionMessages
{
    private const string Supported =
        "AuthKit is provisioned only for a Convex dev deployment: CONVEX_DEPLOYMENT=dev:<name> (written by `npx convex dev`) " +
        "with `npx convex login`, or a dev deploy key (CONVEX_DEPLOY_KEY=dev:<name>|...) to configure an already provisioned one.";

    // The CLI's messages (docs/protocol.md#deployment-selection), verbatim.
    public const string DeploymentWithSelfHosted =
        "CONVEX_DEPLOYMENT must not be set when CONVEX_SELF_HOSTED_URL and CONVEX_SELF_HOSTED_ADMIN_KEY are set";
    public const string SelfHostedWithDeployment =
        "CONVEX_SELF_HOSTED_URL and CONVEX_SELF_HOSTED_ADMIN_KEY must not be set when CONVEX_DEPLOYMENT is set";

    public static string InvalidProvisionHost(string where, string value) =>
        $"{where} is not an absolute http or https URL: {value}";

    public static string UnusableTokenPath(string where, string reason) =>
        $"The Convex access token file location derived from {where} is not a valid path: {reason}";

    public static string SelfHosted(string where) =>
        $"Skipping AuthKit: {where} selects a self-hosted Convex backend, which has no WorkOS team to provision from. " +
        "Set WORKOS_CLIENT_ID and WORKOS_API_KEY on that deployment yourself.";

    public static string Local(string where, string name) =>
        $"Skipping AuthKit: {where} selects the local deployment {name}. {Supported}";

    public static string Production(string where, string name) =>
        $"Skipping AuthKit: {where} selects the production deployment {name}, and the build never touches production. {Supported}";

    public static string Preview(string where, string name) =>
        $"Skipping AuthKit: {where} selects the preview deployment {name}; preview deployments are not supported. {Supported}";

    public static string PreviewDeployKey(string where) =>
        $"Skipping AuthKit: {where} is a preview deploy key; preview deploy keys are not supported. {Supported}";

    public static string ProjectKey(string where) =>
        $"Skipping AuthKit: {where} is a project key; project keys are not supported. {Supported}";

    public static string UntypedDeployment(string where, string value) =>
        $"Skipping AuthKit: {where} ({value}) has no deployment type (dev:, prod:, preview: or local:). " +
        "Run `npx convex dev` once to re-select the deployment.";

    public static string UnknownDeployKeyType(string where, string type, string name) =>
        $"Skipping AuthKit: {where} is a deploy key of unknown type \"{type}\" for {name}. {Supported}";

    public static string NoDeploymentName(string where) =>
        $"{where} names no deployment (nothing follows the last ':'). Run `npx convex dev` once to re-select the deployment.";

    public static string NotConfigured(string envFile, string dotEnvFile) =>
        $"No Convex deployment is configured: CONVEX_DEPLOYMENT is not set in the process environment, {envFile} or {dotEnvFile}. " +
        "Run `npx convex dev` once to create or select a dev deployment, then build again.";

    public static string NoCredentialsInContinuousIntegration(string where, string name) =>
        $"{where} selects the dev deployment {name}, and this CI build has no Convex credentials. To provision it in CI, set " +
        "CONVEX_DEPLOY_KEY to a dev deploy key; to skip the package there, set ConvexAuthKitEnabled=false.";

    public static string NoCredentials(string where, string name, string tokenFile) =>
        $"{where} selects the dev deployment {name}, but you are not logged in to Convex: there is no access token in " +
        $"{tokenFile} and CONVEX_OVERRIDE_ACCESS_TOKEN is not set. Run `npx convex login` (or `npx convex dev` once), then build again.";
}
