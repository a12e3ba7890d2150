namespace Convex.AuthKit.Build.DotEnv;

/// <summary>Where a build-environment variable's value came from, in precedence order.</summary>
internal enum BuildEnvironmentSource
{
    ProcessEnvironment,
    /// <summary>The configured env file (<c>ConvexAuthKitEnvFile</c>, default <c>.env.local</c>).</summary>
    EnvFile,
    /// <summary><c>.env</c> in the Convex app directory.</summary>
    DotEnvFile,
}
