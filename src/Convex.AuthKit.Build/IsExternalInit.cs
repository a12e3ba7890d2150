#if NETFRAMEWORK
namespace System.Runtime.CompilerServices;

/// <summary>Lets the net472 build use records and init-only setters.</summary>
internal static class IsExternalInit { }
#endif
