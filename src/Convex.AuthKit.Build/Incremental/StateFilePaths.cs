namespace Convex.AuthKit.Build.Incremental;

/// <summary>
/// The package's files in obj/: the inputs fingerprint, the stamp, the non-secret items and the generated MSBuild file
/// that lets MSBuild skip the tasks (<see cref="UpToDateTargetsFile"/>; blank: none).
/// </summary>
internal sealed record StateFilePaths(string InputsFile, string StampFile, string ItemsFile, string UpToDateTargetsFile);
