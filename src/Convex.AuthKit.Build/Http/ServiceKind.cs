namespace Convex.AuthKit.Build.Http;

/// <summary>The remote services the task talks to.</summary>
internal enum ServiceKind
{
    /// <summary>Convex's management API (<c>{PH}/api/...</c>).</summary>
    BigBrain,

    /// <summary>A Convex deployment's own HTTP API.</summary>
    Deployment,

    /// <summary>The WorkOS REST API.</summary>
    WorkOS,
}
