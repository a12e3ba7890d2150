using System.Reflection;
using System.Runtime.CompilerServices;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// Compiles, on a background thread while round trip 1 is in flight, the code that runs between the later round
/// trips (the plan, the clients, the env file), so no just-in-time compilation sits between them
/// (docs/architecture.md#fewest-round-trips). Best effort: a method it cannot prepare is simply compiled on first use.
/// </summary>
internal static class JitWarmup
{
    /// <summary>In the order the flow needs them.</summary>
    private static readonly string[] Namespaces =
    {
        "Convex.AuthKit.Build.ConvexApi", "Convex.AuthKit.Build.Facts", "Convex.AuthKit.Build.Plan", "Convex.AuthKit.Build.Http",
        "Convex.AuthKit.Build.WorkOS", "Convex.AuthKit.Build.DotEnv", "Convex.AuthKit.Build.Provisioning",
    };

    public static void Start()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "Convex.AuthKit warm-up", Priority = ThreadPriority.BelowNormal };
        thread.Start();
    }

    private static void Run()
    {
        try
        {
            var types = typeof(JitWarmup).Assembly.GetTypes();
            foreach (var ns in Namespaces)
                foreach (var type in types.Where(t => t.Namespace == ns && !t.ContainsGenericParameters))
                    Prepare(type);
        }
        catch (ReflectionTypeLoadException) { }
    }

    private static void Prepare(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() == null) continue;
            try { RuntimeHelpers.PrepareMethod(method.MethodHandle); }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
            catch (TypeLoadException) { }
            catch (BadImageFormatException) { }
        }
    }
}
