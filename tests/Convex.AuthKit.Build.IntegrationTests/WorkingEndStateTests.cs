using Convex.AuthKit.Build.IntegrationTests.Infrastructure;
using Convex.AuthKit.Build.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.IntegrationTests;

/// <summary>The env-file entries a front end reads, and which of the real readers reads them.</summary>
/// <param name="Reader">"vite" (loadEnv) or "next" (loadEnvConfig).</param>
/// <param name="ApiKey">The entry holding WORKOS_API_KEY, when the app has one.</param>
public sealed record AppEntries(string Reader, string ClientId, string RedirectUri, string? ApiKey, bool CookiePassword)
{
    public static readonly AppEntries Vite = new("vite", "VITE_WORKOS_CLIENT_ID", "VITE_WORKOS_REDIRECT_URI", null, false);
    public static readonly AppEntries NextJs = new("next", "WORKOS_CLIENT_ID", "NEXT_PUBLIC_WORKOS_REDIRECT_URI", "WORKOS_API_KEY", true);
}

/// <summary>One end-to-end fixture with WorkOS entries, set up as a user would have it, and built once.</summary>
/// <param name="Project">The project (or solution) built, relative to the fixture.</param>
/// <param name="Origin">The dev origin WorkOS must know.</param>
public sealed record FixtureCase(string Name, string Fixture, string Project, string Origin, AppEntries Entries)
{
    /// <summary>The Convex app's folder, relative to the fixture.</summary>
    public string AppDirectory { get; init; } = "";

    /// <summary>The deployment already has its WorkOS environment (ScenarioApp.ProvisionedScenario).</summary>
    public bool Provisioned { get; init; }

    /// <summary>.env.local is the lines `npx convex dev` writes followed by the app's .env.local.example.</summary>
    public bool CopiedExample { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// Every end-to-end fixture that has WorkOS entries reaches a working end state in one `dotnet build` (exit 0): one
/// environment; the deployment holds its WORKOS_CLIENT_ID, WORKOS_API_KEY and WORKOS_ENVIRONMENT_ID; WorkOS has the
/// redirect URI, CORS origin and homepage; the front end's real reader (tests/real-readers) sees exactly the intended
/// values in the final env file; a second build makes no request. Add a fixture by adding its case.
/// </summary>
[TestClass]
public sealed class WorkingEndStateTests
{
    private const string CookiePlaceholder = "your_secure_password_here_must_be_at_least_32_characters_long";

    public static IEnumerable<object[]> Cases => new FixtureCase[]
    {
        new("vite-app", "vite-app", "ViteApp.csproj", "http://localhost:5173", AppEntries.Vite),
        new("nextjs-app", "nextjs-app", "server/Server.csproj", "http://localhost:3000", AppEntries.NextJs),
        new("aspnet-spa", "aspnet-spa", "Web.csproj", "https://localhost:44412", AppEntries.Vite) { AppDirectory = "ClientApp" },
        new("multi-target", "multi-target", "Multi.csproj", "http://localhost:5173", AppEntries.Vite),
        new("shared-app", "shared-app", "Api/Api.csproj", "http://localhost:5173", AppEntries.Vite),
        new("vite-template, .env.local.example copied, unprovisioned", "vite-template", "ViteTemplate.csproj", "http://localhost:5173", AppEntries.Vite) { CopiedExample = true },
        new("vite-template, .env.local.example copied, provisioned", "vite-template", "ViteTemplate.csproj", "http://localhost:5173", AppEntries.Vite) { CopiedExample = true, Provisioned = true },
        new("nextjs-template, .env.local.example copied, unprovisioned", "nextjs-template", "NextTemplate.csproj", "http://localhost:3000", AppEntries.NextJs) { CopiedExample = true },
        new("nextjs-template, .env.local.example copied, provisioned", "nextjs-template", "NextTemplate.csproj", "http://localhost:3000", AppEntries.NextJs) { CopiedExample = true, Provisioned = true },
        new("authkit-component (with its webhook)", "authkit-component", "ComponentApp.csproj", "http://localhost:5173", AppEntries.Vite),
        new("vs-react-aspnet, server project with a backslash SpaRoot", "vs-react-aspnet", "ReactApp.Server/ReactApp.Server.csproj", "https://localhost:56127", AppEntries.Vite) { AppDirectory = "reactapp.client" },
        new("vite-https-port, port from a variable with a fallback", "vite-https-port", "ViteHttpsApp.csproj", "https://localhost:5443", AppEntries.Vite),
    }.Select(c => new object[] { c });

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public async Task OneBuildReachesAWorkingEndState_AndTheRealReadersSeeTheIntendedValues(FixtureCase fixture)
    {
        var readers = Prerequisite.RealReaders();
        await using var s = await ScenarioApp.StartAsync(fixture.Fixture, fixture.Provisioned ? ScenarioApp.ProvisionedScenario() : null, fixture.AppDirectory);
        if (fixture.CopiedExample) s.CopyExampleEnvFile();

        var first = s.Build(fixture.Project);
        Assert.AreEqual(0, first.ExitCode, first.ToString());

        var state = s.Sandbox.Snapshot();
        Assert.AreEqual(1, state.WorkosEnvironments.Count, "one environment\n" + first);
        var environment = state.EnvironmentFor(ScenarioApp.Deployment)!;
        var variables = state.Deployment(ScenarioApp.Deployment).Env;
        Assert.AreEqual(environment.ClientId, variables["WORKOS_CLIENT_ID"]);
        Assert.AreEqual(environment.ApiKey, variables["WORKOS_API_KEY"]);
        Assert.AreEqual(environment.Id, variables["WORKOS_ENVIRONMENT_ID"]);
        CollectionAssert.AreEqual(new[] { fixture.Origin + "/callback" }, environment.RedirectUris);
        CollectionAssert.AreEqual(new[] { fixture.Origin }, environment.CorsOrigins);
        Assert.AreEqual(fixture.Origin, environment.HomepageUrl);

        var readings = readers.Read(s.App.PathOf(fixture.AppDirectory));
        var read = fixture.Entries.Reader == "next" ? readings.Next : readings.Vite;
        var envFile = "\n" + s.ReadEnvFile();
        Assert.AreEqual("dev:" + ScenarioApp.Deployment, read.GetValueOrDefault("CONVEX_DEPLOYMENT"), envFile);
        Assert.AreEqual(environment.ClientId, read.GetValueOrDefault(fixture.Entries.ClientId), envFile);
        Assert.AreEqual(fixture.Origin + "/callback", read.GetValueOrDefault(fixture.Entries.RedirectUri), envFile);
        if (fixture.Entries.ApiKey != null) Assert.AreEqual(environment.ApiKey, read.GetValueOrDefault(fixture.Entries.ApiKey), "the API key");
        if (fixture.Entries.CookiePassword)
        {
            var cookie = read.GetValueOrDefault("WORKOS_COOKIE_PASSWORD") ?? "";
            Assert.IsTrue(cookie.Length >= 32, "a cookie password of 32 characters or more");
            Assert.AreNotEqual(CookiePlaceholder, cookie, "not the published placeholder");
        }

        s.Sandbox.ClearRequests();
        var second = s.Build(fixture.Project);
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.AreEqual(0, s.Sandbox.Requests.Count, "the second build makes no request: " + string.Join(", ", s.Sandbox.Requests));
    }
}
