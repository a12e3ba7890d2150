using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Vocabulary;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>Step 1 of the flow: is AuthKit wanted here (docs/architecture.md#triggers)? Reports the decision's warnings.</summary>
internal static class AuthKitDecisionStep
{
    public static AuthKitDecision Decide(string appDirectory, BuildSettings settings, ProvisionLog log)
    {
        AuthKitDecision decision;
        try
        {
            decision = AuthKitTrigger.Decide(appDirectory, settings.DevOrigin, settings.SpaProxyServerUrl, settings.Environment);
        }
        catch (ConvexJsonException e)
        {
            throw new ProvisioningException(Diagnostics.InvalidConvexJson, $"{appDirectory}: {e.Message}");
        }
        catch (PackageJsonException e)
        {
            throw new ProvisioningException(Diagnostics.InvalidPackageJson, $"{appDirectory}: {e.Message}");
        }
        catch (DevOriginException e)
        {
            throw new ProvisioningException(Diagnostics.InvalidSetting, e.Message + " Set ConvexAuthKitDevOrigin to an origin such as http://localhost:5173.");
        }
        foreach (var warning in decision.ProjectConfig?.Warnings ?? Array.Empty<string>()) log.Report(Diagnostics.ConvexJsonWarning, "convex.json: " + warning);
        foreach (var warning in decision.Warnings) log.Report(DiagnosticFor(warning.Kind), warning.Message);
        return decision;
    }

    private static Diagnostic DiagnosticFor(AuthKitWarningKind kind) => kind switch
    {
        AuthKitWarningKind.PortMismatch => Diagnostics.DevPortMismatch,
        AuthKitWarningKind.SrcConvexJsonIgnored => Diagnostics.SrcConvexJsonIgnored,
        AuthKitWarningKind.AuthKitWithoutDevButAuthConfigUsesClientId => Diagnostics.AuthKitWithoutDevSection,
        AuthKitWarningKind.DevOriginUnreadable => Diagnostics.DevOriginUnreadable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No diagnostic is defined for this warning."),
    };
}
