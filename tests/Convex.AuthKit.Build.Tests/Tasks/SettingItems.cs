using Convex.AuthKit.Build.Vocabulary;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build.Tests.Tasks;

/// <summary>The settings items the package's .targets pass a task (@(_ConvexAuthKitSetting)), for tasks run without MSBuild.</summary>
public static class SettingItems
{
    /// <summary>Every setting, blank (not set) unless given; the env file and the timeout as the package's .props set them.</summary>
    public static ITaskItem[] With(params (string Name, string Value)[] values)
    {
        var given = new Dictionary<string, string>
        {
            ["ConvexAuthKitEnvFile"] = ".env.local",
            ["ConvexAuthKitTimeoutSeconds"] = "100",
        };
        foreach (var (name, value) in values) given[name] = value;
        return MSBuildSetting.All.Select(s => Item(s.PropertyName, given.TryGetValue(s.PropertyName, out var value) ? value : "")).ToArray();
    }

    public static ITaskItem Item(string name, string value) => new TaskItem(name, new Dictionary<string, string> { ["Value"] = value });
}
