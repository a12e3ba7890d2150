namespace Convex.AuthKit.Build.FileSystem;

/// <summary>How the temp file takes the target's place. Chosen at run time, so that tests on .NET drive both.</summary>
internal enum ReplaceMethod
{
    /// <summary>.NET (Core): one rename over the target (rename(2) on Unix, MoveFileEx on Windows).</summary>
    MoveOverwrite,

    /// <summary>.NET Framework, which cannot rename over a file: <see cref="File.Replace(string, string, string)"/>.</summary>
    FileReplace,
}

internal static class ReplaceMethods
{
    /// <summary>
    /// The build of the task assembly decides, not the runtime's name: the net472 build has no rename over a file, and
    /// runs on .NET Framework in Visual Studio but on Mono in CI, whose FrameworkDescription says "Mono".
    /// </summary>
    public static ReplaceMethod ForThisRuntime() =>
#if NET
        ReplaceMethod.MoveOverwrite;
#else
        ReplaceMethod.FileReplace;
#endif
}
