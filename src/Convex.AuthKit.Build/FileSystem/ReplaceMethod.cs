using System.Runtime.InteropServices;

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
    public static ReplaceMethod ForThisRuntime() =>
        RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal) ? ReplaceMethod.FileReplace : ReplaceMethod.MoveOverwrite;
}
