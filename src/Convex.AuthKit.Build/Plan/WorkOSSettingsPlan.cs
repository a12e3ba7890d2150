using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.Vocabulary;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Plan;

/// <summary>
/// docs/protocol.md#reference-flow: the WorkOS settings convex.json's configure section asks for, resolved (docs/protocol.md#templates)
/// before anything is sent.
/// </summary>
internal static class WorkOSSettingsPlan
{
    /// <summary>Resolves every value; the first template that cannot be resolved refuses the plan.</summary>
    public static Refusal? Resolve(AuthKitEnvironmentConfig dev, WorkOSCredentials credentials, Func<string, string?> buildEnvironment,
        out IReadOnlyList<WorkOSSetting> settings)
    {
        var resolved = new List<WorkOSSetting>();
        settings = resolved;
        foreach (var (kind, _, template) in dev.ConfiguredSettings())
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
