namespace Convex.AuthKit.Build.Provisioning
{
    /// <summary>
    /// Every diagnostic the package reports. README.md has one table row per code, with cause and fix.
    /// With ConvexAuthKitFailOnError=false an error CAK1nnn is reported as warning CAK2nnn instead.
    /// </summary>
    public static class Diagnostics
    {
        /// <summary>Something failed that no other code describes (a bug, or an unexpected environment).</summary>
        public static readonly Diagnostic Unexpected = new Diagnostic("CAK1000");

        /// <summary>convex.json is not valid JSON, or fails the CLI's validation.</summary>
        public static readonly Diagnostic InvalidConvexJson = new Diagnostic("CAK1001");

        /// <summary>package.json cannot be read or parsed (framework detection needs it).</summary>
        public static readonly Diagnostic InvalidPackageJson = new Diagnostic("CAK1002");

        /// <summary>ConvexProjectDirectory names a folder that does not exist.</summary>
        public static readonly Diagnostic MissingConvexProjectDirectory = new Diagnostic("CAK1003");

        /// <summary>authKit is present without a dev section while the auth config reads WORKOS_CLIENT_ID.</summary>
        public static readonly Diagnostic AuthKitWithoutDevSection = new Diagnostic("CAK2101");

        /// <summary>convex.json hard-codes a localhost origin whose port differs from the detected dev server port.</summary>
        public static readonly Diagnostic DevPortMismatch = new Diagnostic("CAK2102");
    }
}
