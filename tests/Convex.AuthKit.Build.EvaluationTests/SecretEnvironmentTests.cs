using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.EvaluationTests;

/// <summary>
/// docs/architecture.md#safety-rules: a binary log records every environment variable a property reads, and every
/// property, item and task parameter. So no property, item or task parameter of the package reads a secret
/// variable: the tasks read the environment themselves. SecretsInLogsTests searches real binary logs.
/// </summary>
[TestClass]
public sealed class SecretEnvironmentTests
{
    private static Dictionary<string, string> Secrets() => new[]
    {
        "CONVEX_DEPLOY_KEY", "CONVEX_DEPLOYMENT_TOKEN", "CONVEX_OVERRIDE_ACCESS_TOKEN", "CONVEX_SELF_HOSTED_ADMIN_KEY",
        "WORKOS_API_KEY", "WORKOS_COOKIE_PASSWORD",
    }.ToDictionary(name => name, name => "secret-value-of-" + name.ToLowerInvariant());

    [TestMethod]
    public void NoPropertyItemOrTaskParameterReadsASecretVariable()
    {
        using var project = new PackageProject();
        var found = PackageEvaluation.WhereEnvironmentValuesSurface(project, Secrets());
        Assert.AreEqual(0, found.Count, string.Join("\n", found));
    }

    [TestMethod]
    public void TheSearchFindsAPropertyThatReadsOne()
    {
        using var project = new PackageProject("""
            <PropertyGroup><LeakedKey>$(CONVEX_DEPLOY_KEY)</LeakedKey></PropertyGroup>
            <Target Name="LeakingTarget"><Message Text="$(WORKOS_API_KEY)" /></Target>
            """);
        var found = PackageEvaluation.WhereEnvironmentValuesSurface(project, Secrets());
        Assert.IsTrue(found.Any(f => f.StartsWith("property LeakedKey", System.StringComparison.Ordinal)), string.Join("\n", found));
        CollectionAssert.Contains(found.ToList(), "environment variable read: CONVEX_DEPLOY_KEY", string.Join("\n", found));
        CollectionAssert.Contains(found.ToList(), "target LeakingTarget: $(WORKOS_API_KEY)", string.Join("\n", found));
    }
}
