using System.Reflection;
using System.Runtime.CompilerServices;
using Convex.AuthKit.Build.ConvexApi;
using Convex.AuthKit.Build.DotEnv;
using Convex.AuthKit.Build.Facts;
using Convex.AuthKit.Build.Http;
using Convex.AuthKit.Build.Plan;
using Convex.AuthKit.Build.WorkOS;

namespace Convex.AuthKit.Build.Provisioning;

/// <summary>
/// Compiles, on a background thread while round trip 1 is in flight, the code that runs between the later round
/// trips (the plan, the clients, the env file), so no just-in-time compilation sits between them
/// (docs/architecture.md#fewest-round-trips). Best effort: a method it cannot prepare is simply compiled on first use.
/// </summary>
internal static class JitWarmup
{
    /// <summary>
    /// One type of each namespace to compile, in the order the flow needs them: types, not names, so that a rename
    /// moves the warm-up with the code instead of silently warming nothing.
    /// </summary>
    private static readonly Type[] Namespaces =
    {
        typeof(DeploymentClient), typeof(ConvexConnection), typeof(ProvisioningPlan), typeof(ResilientHttpClient),
        typeof(WorkOSClient), typeof(DotEnvFile), typeof(JitWarmup),
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
            foreach (var anchor in Namespaces)
                foreach (var type in types.Where(t => t.Namespace == anchor.Namespace && !t.ContainsGenericParameters))
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
