namespace Convex.AuthKit.Build.Http;

/// <summary>
/// One call of a service: its method and its path below the service's base URL (a query also names its function).
/// The clients send through their endpoints, and the dry run prints the same ones.
/// </summary>
internal sealed record Endpoint(HttpMethod Method, string Service, string Path, string? Function = null)
{
    /// <summary>e.g. <c>POST Convex management API /api/workos/get_or_provision_workos_environment</c>.</summary>
    public override string ToString() => $"{Method.Method} {Service} /{Path}" + (Function == null ? "" : " " + Function);
}
