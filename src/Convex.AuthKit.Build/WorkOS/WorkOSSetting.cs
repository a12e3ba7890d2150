using Convex.AuthKit.Build.Config;

namespace Convex.AuthKit.Build.WorkOS;

/// <summary>One value for WorkOS, resolved from convex.json's configure section.</summary>
internal sealed record WorkOSSetting(WorkOSSettingKind Kind, string Value)
{
    /// <summary>e.g. <c>redirect URI http://localhost:5173/callback</c>.</summary>
    public string Describe() => WorkOSClient.CallFor(Kind).Noun + " " + Value;

    public override string ToString() => Describe();
}
