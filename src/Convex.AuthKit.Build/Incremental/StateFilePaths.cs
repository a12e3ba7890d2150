namespace Convex.AuthKit.Build.Incremental;

/// <summary>The package's files in obj/: the inputs fingerprint, the stamp and the non-secret items.</summary>
internal sealed record StateFilePaths(string InputsFile, string StampFile, string ItemsFile);
