using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// A throwaway SDK project that imports the package's .props and .targets the way NuGet does (.props before the
/// SDK sets Configuration, .targets after the project body). Test classes only see strings, so MSTest discovery
/// never loads Microsoft.Build before the locator registers it.
/// </summary>
internal sealed class PackageProject : IDisposable
{
    private readonly string _directory;
    private readonly ProjectCollection _collection = new();

    public PackageProject(string body = "", string targetFramework = "<TargetFramework>net10.0</TargetFramework>")
        : this(body, targetFramework, new Dictionary<string, string>())
    {
    }

    /// <summary>A project in a folder whose name ends with <paramref name="folderSuffix"/> (awkward characters, for instance).</summary>
    public static PackageProject InFolder(string folderSuffix) =>
        new("", "<TargetFramework>net10.0</TargetFramework>", new Dictionary<string, string>(), folderSuffix);

    /// <summary>
    /// A project whose folder also holds <paramref name="besideFiles"/> (name → content, e.g. Directory.Build.targets),
    /// with the package imported exactly as NuGet imports it: from obj/Consumer.csproj.nuget.g.props and .targets,
    /// which the SDK imports after Directory.Build.props and before Directory.Build.targets.
    /// </summary>
    public PackageProject(string body, IDictionary<string, string> besideFiles)
        : this(body, "<TargetFramework>net10.0</TargetFramework>", besideFiles)
    {
    }

    private PackageProject(string body, string targetFramework, IDictionary<string, string> besideFiles, string folderSuffix = "")
    {
        _directory = Path.Combine(Path.GetTempPath(), "convex-authkit-eval-" + Guid.NewGuid().ToString("N") + folderSuffix);
        Directory.CreateDirectory(_directory);
        var package = Path.Combine(AppContext.BaseDirectory, "package");
        var multiTargeting = targetFramework.Contains("TargetFrameworks");
        var folder = Path.Combine(package, multiTargeting ? "buildMultiTargeting" : "build");
        ProjectPath = Path.Combine(_directory, "Consumer.csproj");
        foreach (var file in besideFiles) File.WriteAllText(Path.Combine(_directory, file.Key), file.Value);
        if (besideFiles.Count == 0)
        {
            File.WriteAllText(ProjectPath, $"""
                <Project>
                  <Import Project="{folder}/Convex.AuthKit.Build.props" />
                  <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
                  <PropertyGroup>{targetFramework}</PropertyGroup>
                  {body}
                  <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
                  <Import Project="{folder}/Convex.AuthKit.Build.targets" />
                </Project>
                """);
            return;
        }
        var extensions = Path.Combine(_directory, "obj");
        Directory.CreateDirectory(extensions);
        File.WriteAllText(Path.Combine(extensions, "Consumer.csproj.nuget.g.props"), $"""<Project><Import Project="{folder}/Convex.AuthKit.Build.props" /></Project>""");
        File.WriteAllText(Path.Combine(extensions, "Consumer.csproj.nuget.g.targets"), $"""<Project><Import Project="{folder}/Convex.AuthKit.Build.targets" /></Project>""");
        File.WriteAllText(ProjectPath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>{targetFramework}</PropertyGroup>
              {body}
            </Project>
            """);
    }

    public string ProjectPath { get; }

    public string Property(string name, IDictionary<string, string>? globalProperties = null) =>
        Load(globalProperties).GetPropertyValue(name);

    public string Condition(string targetName) => Load(null).Targets[targetName].Condition;

    public string BeforeTargets(string targetName) => Load(null).Targets[targetName].BeforeTargets;

    public IReadOnlyList<string> Items(string itemType, IDictionary<string, string>? globalProperties = null) =>
        Load(globalProperties).GetItems(itemType).Select(i => i.EvaluatedInclude).ToList();

    /// <summary>Runs a target, then returns the items of a type as they are afterwards.</summary>
    public IReadOnlyList<string> ItemsAfter(string target, string itemType, IDictionary<string, string> globalProperties)
    {
        var instance = Fresh(globalProperties);
        if (!instance.Build(new[] { target }, Array.Empty<ILogger>())) throw new InvalidOperationException(target + " failed");
        return instance.GetItems(itemType).Select(i => i.EvaluatedInclude).ToList();
    }

    /// <summary>Builds the given targets; returns whether the build succeeded, and its detailed log.</summary>
    public (bool Succeeded, string Log) Build(string targets, IDictionary<string, string> globalProperties)
    {
        var log = new System.Text.StringBuilder();
        var logger = new Microsoft.Build.Logging.ConsoleLogger(LoggerVerbosity.Detailed, text => log.Append(text), null, null);
        var instance = Fresh(globalProperties);
        var succeeded = instance.Build(targets.Split(';'), new ILogger[] { logger });
        return (succeeded, log.ToString());
    }

    /// <summary>Runs targets (<c>;</c>-separated), then returns the items of a type as (Include, value of one metadata) pairs.</summary>
    public IReadOnlyList<(string Include, string Metadata)> ItemsAfter(string targets, string itemType, string metadata, IDictionary<string, string> globalProperties)
    {
        var instance = Fresh(globalProperties);
        if (!instance.Build(targets.Split(';'), Array.Empty<ILogger>())) throw new InvalidOperationException(targets + " failed");
        return instance.GetItems(itemType).Select(i => (i.EvaluatedInclude, i.GetMetadataValue(metadata))).ToList();
    }

    /// <summary>Runs targets (<c>;</c>-separated), then returns a property's value as it is afterwards.</summary>
    public string PropertyAfter(string targets, string property, IDictionary<string, string> globalProperties)
    {
        var instance = Fresh(globalProperties);
        if (!instance.Build(targets.Split(';'), Array.Empty<ILogger>())) throw new InvalidOperationException(targets + " failed");
        return instance.GetPropertyValue(property);
    }

    /// <summary>The names of the properties the package's .props (build/ or buildMultiTargeting/, as imported) defines.</summary>
    public IReadOnlyList<string> PropertiesOfThePackageProps()
    {
        var project = new Project(ProjectPath, new Dictionary<string, string>(), null, _collection);
        try
        {
            return project.AllEvaluatedProperties
                .Where(p => p.Xml != null && Path.GetFileName(p.Xml.ContainingProject.FullPath) == "Convex.AuthKit.Build.props"
                    && p.Xml.ContainingProject.FullPath.StartsWith(Path.Combine(AppContext.BaseDirectory, "package"), StringComparison.Ordinal))
                .Select(p => p.Name).Distinct().ToList();
        }
        finally
        {
            _collection.UnloadProject(project);
        }
    }

    /// <summary>The parameters a target passes a task, as written after evaluation.</summary>
    public IDictionary<string, string> TaskParameters(string targetName, string taskName) =>
        Load(null).Targets[targetName].Tasks.Single(t => t.Name == taskName).Parameters;

    public string DependsOnTargets(string targetName) => Load(null).Targets[targetName].DependsOnTargets;

    /// <summary>Evaluated anew, imports included: a build may have rewritten the generated file in obj/ since the last one.</summary>
    private ProjectInstance Fresh(IDictionary<string, string> globalProperties)
    {
        _collection.UnloadAllProjects();
        return new ProjectInstance(ProjectPath, new Dictionary<string, string>(globalProperties), null, _collection);
    }

    private ProjectInstance Load(IDictionary<string, string>? globalProperties) =>
        new(ProjectPath, globalProperties != null ? new Dictionary<string, string>(globalProperties) : new Dictionary<string, string>(), null, _collection);

    public void Dispose()
    {
        _collection.UnloadAllProjects();
        _collection.Dispose();
        try { Directory.Delete(_directory, true); } catch (IOException) { }
    }
}
