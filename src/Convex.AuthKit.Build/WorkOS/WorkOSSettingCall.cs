using Convex.AuthKit.Build.Http;

namespace Convex.AuthKit.Build.WorkOS;

/// <summary>How one kind of <see cref="WorkOSSetting"/> is sent, and the words for it.</summary>
/// <param name="BodyField">The JSON body's one field, holding the value.</param>
/// <param name="AddsToList">
/// True when the call adds to a list, so a duplicate comes back as <see cref="WorkOSChangeResult.AlreadyPresent"/>;
/// false when it sets the one value (a PUT cannot tell "set" from "already so"; any 422 is <see cref="WorkOSChangeResult.NotAccepted"/>).
/// </param>
/// <param name="Noun">One value in a message, e.g. <c>redirect URI</c>.</param>
/// <param name="ListLabel">The status row listing the values, e.g. <c>redirect URIs</c>.</param>
internal sealed record WorkOSSettingCall(Endpoint Endpoint, string BodyField, bool AddsToList, string Noun, string ListLabel);
