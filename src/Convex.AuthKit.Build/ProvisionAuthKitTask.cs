using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build
{
    /// <summary>Placeholder; the spine (issue 2) fills this in.</summary>
    public sealed class ProvisionAuthKitTask : Task
    {
        public override bool Execute() => true;
    }
}
