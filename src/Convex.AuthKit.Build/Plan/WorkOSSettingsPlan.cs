using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// docs/protocol.md#reference-flow: the WorkOS settings convex.json's configure section asks for, resolved (docs/protocol.md#templates)
/// before anything is sent. The one place that reads the configure section's values.
/// </summary>
internal static class WorkOSSettingsPlan
{
    /// <summary>Every configured value, unresolved, with its kind, in the order they are sent and reported.</summary>
    public static IEnumerable<(WorkOSSettingKind Kind, string Template)> Templates(AuthKitEnvironmentConfig dev)
    {
        var configure = dev.ConfigureDisabled ? null : dev.Configure;
        if (configure == null) yield break;
        foreach (var uri in configure.RedirectUris ?? Array.Empty<string>()) yield return (WorkOSSettingKind.RedirectUri, uri);
        if (configure.AppHomepageUrl != null) yield return (WorkOSSettingKind.AppHomepageUrl, configure.AppHomepageUrl);
        foreach (var origin in configure.CorsOrigins ?? Array.Empty<string>()) yield return (WorkOSSettingKind.CorsOrigin, origin);
    }

    /// <summary>Resolves every value; the first template that cannot be resolved refuses the plan.</summary>
    public static Refusal? Resolve(AuthKitEnvironmentConfig dev, WorkOSCredentials credentials, Func<string, string?> buildEnvironment,
        out IReadOnlyList<WorkOSSetting> settings)
    {
        var resolved = new List<WorkOSSetting>();
        settings = resolved;
        foreach (var (kind, template) in Templates(dev))
        {
            try
            {
                resolved.Add(new WorkOSSetting(kind, TemplateResolver.Resolve(template, credentials, buildEnvironment)));
            }
            catch (TemplateException e)
            {
                settings = Array.Empty<WorkOSSetting>();
                return new Refusal(Diagnostics.TemplateError, $"Error configuring {WorkOSClient.CallFor(kind).Noun}: {e.Message} (authKit.dev.configure in convex.json)");
            }
        }
        return null;
    }
}
