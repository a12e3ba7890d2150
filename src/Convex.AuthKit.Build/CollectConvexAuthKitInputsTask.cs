using System.IO;
using System.Linq;
using System;
using Convex.AuthKit.Build.Incremental;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build
{
    /// <summary>
    /// Runs on every build: fingerprints the inputs that are not files (settings, environment, which files exist)
    /// into the inputs file, rewritten only when the fingerprint changes, and lists the input files, so that
    /// ConvexAuthKitProvision is skipped by Inputs/Outputs when nothing changed. No network, no secret leaves it.
    /// </summary>
    public sealed class CollectConvexAuthKitInputsTask : ConvexAuthKitTaskBase
    {
        [Required] public string InputsFile { get; set; } = "";
        [Required] public string StampFile { get; set; } = "";

        [Output] public ITaskItem[] InputFiles { get; private set; } = new ITaskItem[0];

        public override bool Execute()
        {
            try
            {
                var inputs = InputsFingerprint.Collect(CreateSettings(), Stamp.Read(StampFile));
                StateFiles.WriteIfDifferent(InputsFile, inputs.Fingerprint + "\n");
                InputFiles = inputs.ExistingFiles.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Without a fingerprint the provisioning target simply runs and re-checks everything itself.
                Log.LogMessage(MessageImportance.Low, "Convex.AuthKit: could not fingerprint the inputs ({0}); the provisioning re-checks.", e.Message);
                Stamp.Delete(StampFile);
            }
            return true;
        }
    }
}
