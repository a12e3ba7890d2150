using System.Reflection;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Convex.AuthKit.Build.Net472Host;

/// <summary>
/// Runs the package's tasks as the .targets' ConvexAuthKitProvision target does (the inputs task, then the provisioning
/// task), from the package's tasks/net472 folder, with this process's environment.
/// Usage: <c>Convex.AuthKit.Build.Net472Host.exe PACKAGE_FOLDER PROJECT_FILE [Name=Value ...]</c>, where PACKAGE_FOLDER
/// is an extracted nupkg and Name=Value sets an MSBuild property before the package's defaults apply. A line
/// <c>cancel</c> on standard input cancels the provisioning task, as MSBuild does on Ctrl+C.
/// Prints one line per logged event (<c>error CODE: ...</c>, <c>warning CODE: ...</c>, <c>message IMPORTANCE: ...</c>),
/// one per output item (<c>item NAME=VALUE</c>), and where Newtonsoft.Json was loaded from. Exit code 0 when both tasks
/// succeeded, 1 when one failed, 2 for a usage error.
/// </summary>
public static class Program
{
    private const string TaskNamespace = "Convex.AuthKit.Build.";

    public static int Main(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: Convex.AuthKit.Build.Net472Host.exe PACKAGE_FOLDER PROJECT_FILE [Name=Value ...]");
            return 2;
        }
        var package = Path.GetFullPath(args[0]);
        var project = Path.GetFullPath(args[1]);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in args.Skip(2))
        {
            var equals = argument.IndexOf('=');
            if (equals <= 0) { Console.Error.WriteLine("not Name=Value: " + argument); return 2; }
            properties[argument.Substring(0, equals)] = argument.Substring(equals + 1);
        }

        Console.WriteLine("runtime: " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
        var tasks = Assembly.LoadFrom(Path.Combine(package, "tasks", "net472", "Convex.AuthKit.Build.dll"));
        var settings = PackageSettings.Items(package, properties);
        var engine = new ConsoleBuildEngine(project);

        // The .targets' state files: $(BaseIntermediateOutputPath) is obj/ and the names start with $(MSBuildProjectName).
        var projectDirectory = Path.GetDirectoryName(project)!;
        var state = Path.Combine(projectDirectory, "obj", Path.GetFileNameWithoutExtension(project) + ".ConvexAuthKit.");
        Directory.CreateDirectory(Path.Combine(projectDirectory, "obj"));

        var collect = Create(tasks, "CollectConvexAuthKitInputsTask", engine, new Dictionary<string, object>
        {
            ["ProjectDirectory"] = projectDirectory,
            ["Settings"] = settings,
            ["InputsFile"] = state + "inputs",
            ["StampFile"] = state + "stamp",
            ["ItemsFile"] = state + "items",
        });
        var collected = collect.Execute();
        Console.WriteLine("CollectConvexAuthKitInputsTask: " + collected);

        var provision = Create(tasks, "ProvisionAuthKitTask", engine, new Dictionary<string, object>
        {
            ["ProjectDirectory"] = projectDirectory,
            ["Settings"] = settings,
            ["InputsFile"] = state + "inputs",
            ["StampFile"] = state + "stamp",
            ["ItemsFile"] = state + "items",
            ["EnvironmentVariables"] = Output(collect, "EnvironmentVariables"),
        });
        CancelOnStandardInput((ICancelableTask)provision);
        bool provisioned;
        try
        {
            provisioned = provision.Execute();
        }
        finally
        {
            (provision as IDisposable)?.Dispose();
        }
        Console.WriteLine("ProvisionAuthKitTask: " + provisioned);
        foreach (var item in Output(provision, "EnvironmentVariables"))
            Console.WriteLine("item " + item.ItemSpec + "=" + item.GetMetadata("Value"));

        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "Newtonsoft.Json"))
            Console.WriteLine("Newtonsoft.Json: " + loaded.Location);
        return collected && provisioned ? 0 : 1;
    }

    /// <summary>A task of the package, its parameters set through reflection as MSBuild's task host sets them.</summary>
    private static ITask Create(Assembly tasks, string name, IBuildEngine engine, IDictionary<string, object> parameters)
    {
        var type = tasks.GetType(TaskNamespace + name, throwOnError: true)!;
        var task = (ITask)Activator.CreateInstance(type)!;
        task.BuildEngine = engine;
        foreach (var parameter in parameters)
            type.GetProperty(parameter.Key)!.SetValue(task, parameter.Value);
        return task;
    }

    private static ITaskItem[] Output(ITask task, string name) => (ITaskItem[])task.GetType().GetProperty(name)!.GetValue(task)!;

    private static void CancelOnStandardInput(ICancelableTask task)
    {
        var reader = new Thread(() =>
        {
            string? line;
            while ((line = Console.In.ReadLine()) != null)
            {
                if (line.Trim() != "cancel") continue;
                Console.WriteLine("cancelling");
                task.Cancel();
                return;
            }
        })
        { IsBackground = true };
        reader.Start();
    }
}

/// <summary>The package's settings items, built from its own .props and .targets as MSBuild would build them.</summary>
internal static class PackageSettings
{
    /// <summary>
    /// One item per <c>_ConvexAuthKitSetting</c> of the packed .targets' <c>_ConvexAuthKitSettings</c> target, its
    /// <c>Value</c> expanded from the given properties and, for those not given, the packed .props' defaults.
    /// </summary>
    public static ITaskItem[] Items(string package, IDictionary<string, string> given)
    {
        var properties = new Dictionary<string, string>(given, StringComparer.OrdinalIgnoreCase);
        foreach (var property in XDocument.Load(Path.Combine(package, "build", "Convex.AuthKit.Build.props")).Root!
                     .Elements().Where(e => e.Name.LocalName == "PropertyGroup").Elements())
            if (!properties.TryGetValue(property.Name.LocalName, out var value) || value.Length == 0)
                properties[property.Name.LocalName] = property.Value;

        var target = XDocument.Load(Path.Combine(package, "build", "Convex.AuthKit.Build.targets")).Root!
            .Elements().Single(e => e.Name.LocalName == "Target" && (string?)e.Attribute("Name") == "_ConvexAuthKitSettings");
        return target.Descendants().Where(e => e.Name.LocalName == "_ConvexAuthKitSetting")
            .Select(e => (ITaskItem)new TaskItem((string)e.Attribute("Include")!, new Dictionary<string, string>
            {
                ["Value"] = Expand((string)e.Attribute("Value")!, properties),
            }))
            .ToArray();
    }

    /// <summary>$(Name) references replaced by the property's value, empty when it has none (as MSBuild does).</summary>
    private static string Expand(string text, Dictionary<string, string> properties) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\(([A-Za-z_][A-Za-z0-9_]*)\)",
            m => properties.TryGetValue(m.Groups[1].Value, out var value) ? value : "");
}

/// <summary>The IBuildEngine the tasks log to: every event becomes one console line, in order.</summary>
internal sealed class ConsoleBuildEngine : IBuildEngine
{
    private readonly object _lock = new object();

    public ConsoleBuildEngine(string projectFile) => ProjectFileOfTaskNode = projectFile;

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode { get; }

    public void LogErrorEvent(BuildErrorEventArgs e) => Write("error " + e.Code + ": " + e.Message);
    public void LogWarningEvent(BuildWarningEventArgs e) => Write("warning " + e.Code + ": " + e.Message);
    public void LogMessageEvent(BuildMessageEventArgs e) => Write("message " + e.Importance + ": " + e.Message);
    public void LogCustomEvent(CustomBuildEventArgs e) => Write("custom: " + e.Message);

    public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => false;

    private void Write(string line)
    {
        lock (_lock) Console.WriteLine(line);
    }
}
