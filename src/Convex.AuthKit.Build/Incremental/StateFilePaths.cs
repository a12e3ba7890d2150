namespace Convex.AuthKit.Build.Incremental;

/// <summary>The package's files in obj/: the inputs fingerprint, the stamp, the non-secret items, and the shared stamp's path.</summary>
/// <param name="AppStampPathFile">
/// One line: the path of the Convex app's shared stamp the last successful run recorded, so that Clean, which runs no
/// task, can delete it as read.
/// </param>
internal sealed record StateFilePaths(string InputsFile, string StampFile, string ItemsFile, string AppStampPathFile);
