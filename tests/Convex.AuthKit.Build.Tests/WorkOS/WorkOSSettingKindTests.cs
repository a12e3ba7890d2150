using Convex.AuthKit.Build.Config;
using Convex.AuthKit.Build.WorkOS;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Convex.AuthKit.Build.Tests.WorkOS;

/// <summary>Every kind of WorkOS setting has its own call and its own words; a kind without them is never sent as another.</summary>
[TestClass]
public sealed class WorkOSSettingKindTests
{
    [TestMethod]
    public void EveryKindHasADistinctEndpointAndWording()
    {
        var kinds = Enum.GetValues<WorkOSSettingKind>();
        var calls = kinds.Select(WorkOSClient.CallFor).ToList();
        Assert.AreEqual(kinds.Length, calls.Select(c => c.Endpoint.ToString()).Distinct().Count(), "endpoints: " + string.Join(", ", calls.Select(c => c.Endpoint)));
        Assert.AreEqual(kinds.Length, calls.Select(c => c.Noun).Distinct().Count(), "nouns");
        Assert.AreEqual(kinds.Length, calls.Select(c => c.ListLabel).Distinct().Count(), "status labels");
        foreach (var kind in kinds)
        {
            var call = WorkOSClient.CallFor(kind);
            Assert.AreEqual("WorkOS", call.Endpoint.Service, kind.ToString());
            Assert.IsFalse(string.IsNullOrEmpty(call.BodyField), kind.ToString());
            Assert.AreEqual(call.Noun + " x", new WorkOSSetting(kind, "x").Describe());
        }
    }

    [TestMethod]
    public void TheKnownKindsKeepTheirCallsAndWords()
    {
        Assert.AreEqual("POST WorkOS /user_management/redirect_uris", WorkOSClient.CallFor(WorkOSSettingKind.RedirectUri).Endpoint.ToString());
        Assert.AreEqual("POST WorkOS /user_management/cors_origins", WorkOSClient.CallFor(WorkOSSettingKind.CorsOrigin).Endpoint.ToString());
        Assert.AreEqual("PUT WorkOS /user_management/app_homepage_url", WorkOSClient.CallFor(WorkOSSettingKind.AppHomepageUrl).Endpoint.ToString());
        Assert.AreEqual("redirect URI http://localhost:5173/callback", new WorkOSSetting(WorkOSSettingKind.RedirectUri, "http://localhost:5173/callback").Describe());
        Assert.AreEqual("CORS origin http://localhost:5173", new WorkOSSetting(WorkOSSettingKind.CorsOrigin, "http://localhost:5173").Describe());
        Assert.AreEqual("app homepage URL http://localhost:5173", new WorkOSSetting(WorkOSSettingKind.AppHomepageUrl, "http://localhost:5173").Describe());
        Assert.IsTrue(WorkOSClient.CallFor(WorkOSSettingKind.RedirectUri).AddsToList);
        Assert.IsTrue(WorkOSClient.CallFor(WorkOSSettingKind.CorsOrigin).AddsToList);
        Assert.IsFalse(WorkOSClient.CallFor(WorkOSSettingKind.AppHomepageUrl).AddsToList, "the homepage is set, not added");
    }

    /// <summary>The rows of the status, in the README's order.</summary>
    [TestMethod]
    public void TheStatusListsTheKindsAsTheReadmeShowsThem() =>
        CollectionAssert.AreEqual(new[] { "redirect URIs", "CORS origins", "homepage" }, WorkOSClient.SettingKinds.Select(kind => WorkOSClient.CallFor(kind).ListLabel).ToArray());

    [TestMethod]
    public void AKindWithoutACallThrowsInsteadOfFallingThrough() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => WorkOSClient.CallFor((WorkOSSettingKind)99));
}
