namespace Convex.AuthKit.Build.Incremental
{
    /// <summary>The package's files in obj/: the inputs fingerprint, the stamp, and the non-secret items.</summary>
    public sealed class StateFilePaths
    {
        public StateFilePaths(string inputsFile, string stampFile, string itemsFile)
        {
            InputsFile = inputsFile;
            StampFile = stampFile;
            ItemsFile = itemsFile;
        }

        public string InputsFile { get; }
        public string StampFile { get; }
        public string ItemsFile { get; }
    }
}
