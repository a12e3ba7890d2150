using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>A target as MSBuild sees it before it runs: its attributes with the properties expanded.</summary>
internal sealed record EvaluatedTarget(string Name, string Condition, string Inputs, string Outputs);

/// <summary>
/// What MSBuild makes of the package's .props and .targets, beyond single properties: the files a project imports,
/// targets with their Inputs/Outputs expanded, the task assembly on another MSBuild runtime, and where a value
/// taken from the environment ends up. Like <see cref="PackageProject"/>, it hands the tests strings only.
/// </summary>
internal static class PackageEvaluation
{
    /// <summary>The package's build files as the tests see them (the package layout, without the task folders).</summary>
    public static string PackageRoot => Path.Combine(AppContext.BaseDirectory, "package");

    public static string TaskAssemblyIn(string taskFolder) =>
        Path.GetFullPath(Path.Combine(PackageRoot, "tasks", taskFolder, "Convex.AuthKit.Build.dll"));

    /// <summary>Every file the project imports, full paths.</summary>
    public static IReadOnlyList<string> Imports(PackageProject project)
    {
        using var collection = new ProjectCollection();
        return new Project(project.ProjectPath, new Dictionary<string, string>(), null, collection)
            .Imports.Select(i => Path.GetFullPath(i.ImportedProject.FullPath)).ToList();
    }

    /// <summary>A target with its Condition, Inputs and Outputs expanded against the evaluated project.</summary>
    public static EvaluatedTarget Target(PackageProject project, string name, IDictionary<string, string>? globalProperties = null)
    {
        using var collection = new ProjectCollection();
        var instance = Load(project, globalProperties, collection);
        return Evaluate(instance, instance.Targets[name]);
    }

    /// <summary>
    /// The targets that the given target depends on (directly) and that declare Outputs: where MSBuild's up-to-date
    /// check can skip the work.
    /// </summary>
    public static IReadOnlyList<EvaluatedTarget> IncrementalDependencies(PackageProject project, string name, IDictionary<string, string>? globalProperties = null)
    {
        using var collection = new ProjectCollection();
        var instance = Load(project, globalProperties, collection);
        return instance.ExpandString(instance.Targets[name].DependsOnTargets)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(dependency => instance.Targets[dependency])
            .Where(target => target.Outputs.Trim().Length > 0)
            .Select(target => Evaluate(instance, target))
            .ToList();
    }

    /// <summary>
    /// The task assembly the package's .targets choose on an MSBuild runtime of the given type ("Core" for the .NET
    /// SDK, "Full" for Visual Studio's MSBuild). MSBuildRuntimeType is reserved, so the evaluation runs the .props and
    /// .targets with every condition on it reading a stand-in property instead.
    /// </summary>
    public static string TaskAssemblyOnRuntime(string runtimeType)
    {
        const string standIn = "_ConvexAuthKitTestRuntimeType";
        using var collection = new ProjectCollection();
        var build = Path.Combine(PackageRoot, "build");
        var targets = ProjectRootElement.Open(Path.Combine(build, "Convex.AuthKit.Build.targets"), collection);
        foreach (var element in targets.AllChildren.Where(e => e.Condition.Contains("$(MSBuildRuntimeType)", StringComparison.Ordinal)))
            element.Condition = element.Condition.Replace("$(MSBuildRuntimeType)", "$(" + standIn + ")", StringComparison.Ordinal);

        var consumer = ProjectRootElement.Create(collection);
        consumer.FullPath = Path.Combine(Path.GetTempPath(), "convex-authkit-eval-" + Guid.NewGuid().ToString("N"), "Consumer.csproj");
        consumer.AddImport(Path.Combine(build, "Convex.AuthKit.Build.props"));
        consumer.AddImport(targets.FullPath);
        return new Project(consumer, new Dictionary<string, string> { [standIn] = runtimeType }, null, collection)
            .GetPropertyValue("ConvexAuthKitTaskAssembly");
    }

    /// <summary>
    /// Where values from the given environment variables surface once the project is evaluated: the properties
    /// (other than the environment's own) whose value contains one, the environment variables MSBuild records as read
    /// (what a binary log keeps), and the target-level properties, items and task parameters that would carry one.
    /// The variables are set on this process for the duration of the call.
    /// </summary>
    public static IReadOnlyList<string> WhereEnvironmentValuesSurface(PackageProject project, IDictionary<string, string> environment)
    {
        var previous = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var pair in environment) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            var binaryLog = Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, "evaluation.binlog");
            using var collection = new ProjectCollection(null, new ILogger[] { new BinaryLogger { Parameters = binaryLog } }, ToolsetDefinitionLocations.Default);
            var evaluated = new Project(project.ProjectPath, new Dictionary<string, string>(), null, collection);
            collection.UnregisterAllLoggers();
            var found = new List<string>();
            bool Carries(string value) => environment.Values.Any(secret => value.Contains(secret, StringComparison.Ordinal));

            found.AddRange(evaluated.AllEvaluatedProperties
                .Where(p => !p.IsEnvironmentProperty && Carries(p.EvaluatedValue))
                .Select(p => "property " + p.Name + " (" + p.Xml?.Location.LocationString + ")"));
            found.AddRange(EnvironmentVariablesRead(binaryLog).Where(environment.ContainsKey).Select(name => "environment variable read: " + name));

            var instance = evaluated.CreateProjectInstance();
            foreach (var target in instance.Targets.Values)
                foreach (var value in TargetValues(target))
                    if (Carries(Expand(instance, value))) found.Add("target " + target.Name + ": " + value);
            return found;
        }
        finally
        {
            foreach (var pair in previous) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
        }
    }

    private static IEnumerable<string> TargetValues(ProjectTargetInstance target)
    {
        foreach (var child in target.Children)
        {
            switch (child)
            {
                case ProjectPropertyGroupTaskInstance group:
                    foreach (var property in group.Properties) yield return property.Value;
                    break;
                case ProjectItemGroupTaskInstance group:
                    foreach (var item in group.Items)
                    {
                        yield return item.Include;
                        foreach (var metadata in item.Metadata) yield return metadata.Value;
                    }
                    break;
                case ProjectTaskInstance task:
                    foreach (var parameter in task.Parameters.Values) yield return parameter;
                    break;
            }
        }
    }

    /// <summary>Properties and items expanded; a value that only makes sense while batching stays as written.</summary>
    private static string Expand(ProjectInstance instance, string value)
    {
        try { return instance.ExpandString(value); }
        catch (Microsoft.Build.Exceptions.InvalidProjectFileException) { return value; }
        catch (InvalidOperationException) { return value; }
    }

    /// <summary>The environment variables a binary log records as read.</summary>
    private static List<string> EnvironmentVariablesRead(string binaryLog)
    {
        var names = new List<string>();
        var replay = new BinaryLogReplayEventSource();
        replay.AnyEventRaised += (_, e) => { if (e is EnvironmentVariableReadEventArgs read) names.Add(read.EnvironmentVariableName); };
        replay.Replay(binaryLog);
        return names;
    }

    private static ProjectInstance Load(PackageProject project, IDictionary<string, string>? globalProperties, ProjectCollection collection) =>
        new(project.ProjectPath, globalProperties != null ? new Dictionary<string, string>(globalProperties) : new Dictionary<string, string>(), null, collection);

    private static EvaluatedTarget Evaluate(ProjectInstance instance, ProjectTargetInstance target) =>
        new(target.Name, instance.ExpandString(target.Condition), instance.ExpandString(target.Inputs), instance.ExpandString(target.Outputs));
}
