namespace Convex.AuthKit.Build.WorkOS;

/// <summary>What WorkOS can be told about the app. <see cref="WorkOSClient.CallFor"/> knows how to send each kind.</summary>
internal enum WorkOSSettingKind { RedirectUri, CorsOrigin, AppHomepageUrl }

/// <summary>One value for WorkOS, resolved from convex.json's configure section.</summary>
internal sealed record WorkOSSetting(WorkOSSettingKind Kind, string Value)
{
    /// <summary>e.g. <c>redirect URI http://localhost:5173/callback</c>.</summary>
    public string Describe() => WorkOSClient.CallFor(Kind).Noun + " " + Value;

    public override string ToString() => Describe();
}
