namespace Convex.AuthKit.Build.Incremental;

/// <summary>The package's files in obj/: the inputs fingerprint, the stamp, the non-secret items, and the shared stamp's path.</summary>
internal sealed class StateFilePaths
{
    public StateFilePaths(string inputsFile, string stampFile, string itemsFile, string appStampPathFile)
    {
        InputsFile = inputsFile;
        StampFile = stampFile;
        ItemsFile = itemsFile;
        AppStampPathFile = appStampPathFile;
    }

    public string InputsFile { get; }
    public string StampFile { get; }
    public string ItemsFile { get; }

    /// <summary>
    /// One line: the path of the Convex app's shared stamp the last successful run recorded, so that Clean, which
    /// runs no task, can delete it as read.
    /// </summary>
    public string AppStampPathFile { get; }
}
