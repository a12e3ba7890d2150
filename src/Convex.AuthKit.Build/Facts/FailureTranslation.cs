using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Facts;

/// <summary>Turns what the layers below throw into coded diagnostics whose message says what to do.</summary>
internal static class FailureTranslation
{
    public static string UnexpectedMessage(Exception exception) =>
        $"Convex.AuthKit.Build failed unexpectedly ({exception.GetType().Name}: {exception.Message}). Please report this; set ConvexAuthKitEnabled=false to build without it meanwhile.";

    public static bool TryTranslate(Exception exception, out ProvisioningException? failure)
    {
        failure = exception switch
        {
            ProvisioningException coded => coded,
            ServiceException { Service: ServiceKind.WorkOS, Status: >= 500 or 429 } e => new ProvisioningException(Diagnostics.WorkOSServiceError,
                $"{e.Message}. WorkOS is unavailable or busy; the other AuthKit settings were applied, and the next build retries.", e),
            ServiceException { Service: ServiceKind.WorkOS } e => new ProvisioningException(Diagnostics.WorkOSServiceError,
                $"{e.Message}. Check the URL in authKit.dev.configure (convex.json); the other AuthKit settings were applied, and the next build retries.", e),
            MalformedResponseException { Service: ServiceKind.WorkOS } e => new ProvisioningException(Diagnostics.WorkOSServiceError,
                $"{e.Message}. The other AuthKit settings were applied, and the next build retries.", e),
            ServiceException { Status: 401 } e => new ProvisioningException(Diagnostics.AccessDenied,
                $"{e.Message} Convex rejected the credential. Log in again with `npx convex login` (or replace the deploy key), then build again.", e),
            ServiceException { Code: ConvexErrorCodes.DeploymentNotFound } or ServiceException { Code: ConvexErrorCodes.ProjectNotFound } => new ProvisioningException(Diagnostics.AccessDenied,
                $"{exception.Message} You don't have access to the selected project. Run `npx convex dev` once to choose a deployment you can use (it rewrites CONVEX_DEPLOYMENT), or log in with the right account.", exception),
            ServiceException { Status: 403 } e => new ProvisioningException(Diagnostics.AccessDenied,
                $"{e.ServiceMessage ?? e.Message} The credential lacks permission for this deployment. Use an account (or key) with access to it.", e),
            InsecureTransportException e => new ProvisioningException(Diagnostics.InsecureTransport,
                $"{e.Message} Use an https:// URL (plain http is allowed only for loopback addresses).", e),
            ServiceFailureException e and not ServiceUnreachableException => new ProvisioningException(Diagnostics.ConvexServiceError,
                $"{e.Message} The next build retries; if this persists, check https://status.convex.dev and the deployment's settings.", e),
            BuildEnvironmentFileException e => new ProvisioningException(Diagnostics.EnvFileWriteFailed, e.Message + " Fix the file's permissions and build again.", e),
            InvalidDataException e => new ProvisioningException(Diagnostics.EnvFileWriteFailed, $"{e.Message} Save the file as UTF-8 and build again.", e),
            IOException e => new ProvisioningException(Diagnostics.EnvFileWriteFailed, $"Could not read or write a file: {e.Message}", e),
            UnauthorizedAccessException e => new ProvisioningException(Diagnostics.EnvFileWriteFailed, $"Could not read or write a file: {e.Message}", e),
            OperationCanceledException => null,
            _ => new ProvisioningException(Diagnostics.Unexpected, UnexpectedMessage(exception), exception),
        };
        return failure != null;
    }
}
