namespace Convex.AuthKit.Sandbox.Services;

/// <summary>
/// What WorkOS accepts in a webhook endpoint (docs/protocol.md#workos-webhook-endpoints): an absolute https
/// <c>endpoint_url</c>, a non-empty <c>events</c> list of the event names WorkOS publishes, a status of
/// <c>enabled</c> or <c>disabled</c>, and list pages of 1 to 100.
/// </summary>
internal static class WebhookEndpointRules
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 10;

    /// <summary>The event names the webhook-endpoint API takes (its request schema's enumeration).</summary>
    public static readonly HashSet<string> KnownEvents = new(StringComparer.Ordinal)
    {
        "api_key.created", "api_key.revoked",
        "authentication.email_verification_succeeded", "authentication.magic_auth_failed", "authentication.magic_auth_succeeded",
        "authentication.mfa_succeeded", "authentication.oauth_failed", "authentication.oauth_succeeded",
        "authentication.passkey_failed", "authentication.passkey_succeeded", "authentication.password_failed",
        "authentication.password_succeeded", "authentication.radar_risk_detected", "authentication.sso_failed",
        "authentication.sso_started", "authentication.sso_succeeded", "authentication.sso_timed_out",
        "connection.activated", "connection.deactivated", "connection.deleted",
        "connection.saml_certificate_renewal_required", "connection.saml_certificate_renewed",
        "dsync.activated", "dsync.deleted", "dsync.group.created", "dsync.group.deleted", "dsync.group.updated",
        "dsync.group.user_added", "dsync.group.user_removed", "dsync.user.created", "dsync.user.deleted", "dsync.user.updated",
        "email_verification.created",
        "flag.created", "flag.deleted", "flag.rule_updated", "flag.updated",
        "group.created", "group.deleted", "group.member_added", "group.member_removed", "group.updated",
        "invitation.accepted", "invitation.created", "invitation.resent", "invitation.revoked",
        "magic_auth.created",
        "organization.created", "organization.deleted", "organization.updated",
        "organization_domain.created", "organization_domain.deleted", "organization_domain.updated",
        "organization_domain.verification_failed", "organization_domain.verified",
        "organization_membership.created", "organization_membership.deleted", "organization_membership.updated",
        "organization_role.created", "organization_role.deleted", "organization_role.updated",
        "password_reset.created", "password_reset.succeeded",
        "permission.created", "permission.deleted", "permission.updated",
        "role.created", "role.deleted", "role.updated",
        "session.created", "session.revoked",
        "user.created", "user.deleted", "user.updated",
        "waitlist_user.approved", "waitlist_user.created", "waitlist_user.denied",
    };

    public static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    public static bool IsStatus(string value) => value == "enabled" || value == "disabled";

    /// <summary>Why a scenario's endpoint URL is not one WorkOS would hold; null when it is.</summary>
    public static string? EndpointUrlProblem(string url) => IsHttpsUrl(url) ? null : "endpoint_url must be an absolute https URL";

    /// <summary>Why a scenario's event list is not one WorkOS would hold; null when it is.</summary>
    public static string? EventsProblem(IReadOnlyCollection<string> events)
    {
        if (events.Count == 0) return "events must not be empty";
        var unknown = events.FirstOrDefault(e => !KnownEvents.Contains(e));
        return unknown == null ? null : $"'{unknown}' is not a WorkOS event";
    }
}
