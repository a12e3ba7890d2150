namespace Convex.AuthKit.Build.WorkOS;

/// <summary>A WorkOS webhook endpoint as the API answers it (docs/protocol.md#workos-webhook-endpoints).</summary>
/// <param name="Status"><c>enabled</c> or <c>disabled</c> (another word is kept as sent and counts as not enabled).</param>
/// <param name="Secret">Signs the deliveries; what the component reads as WORKOS_WEBHOOK_SECRET. Secret.</param>
internal sealed record WebhookEndpoint(
    string Id,
    Uri EndpointUrl,
    string Status,
    IReadOnlyList<string> Events,
    DateTimeOffset CreatedAt,
    string Secret)
{
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    public bool IsEnabled => Status == Enabled;

    /// <summary>Leaves the secret out.</summary>
    public override string ToString() => $"{Id} {EndpointUrl} ({Status}; {string.Join(", ", Events)}), secret ***";
}
