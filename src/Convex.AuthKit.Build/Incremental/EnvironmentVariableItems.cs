using System.Collections.Generic;
using System.Linq;
using System.Text;
using Convex.AuthKit.Build.Provisioning;

namespace Convex.AuthKit.Build.Incremental
{
    /// <summary>
    /// The non-secret env-file entries, as NAME=VALUE lines in obj/, read back by a cheap target into
    /// ConvexAuthKitEnvironmentVariable items on every build, stamp hit or not (docs/architecture.md#settings).
    /// </summary>
    public static class EnvironmentVariableItems
    {
        public static void Write(string path, IEnumerable<KeyValuePair<string, string>> entries)
        {
            var text = new StringBuilder();
            foreach (var entry in entries.Where(e => !SecretNames.LooksSecret(e.Key) && e.Value.IndexOfAny(new[] { '\r', '\n' }) < 0))
                text.Append(entry.Key).Append('=').Append(entry.Value).Append('\n');
            StateFiles.WriteIfDifferent(path, text.ToString());
        }
    }
}
