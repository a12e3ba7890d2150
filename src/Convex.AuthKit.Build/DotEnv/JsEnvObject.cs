using System.Globalization;

namespace Convex.AuthKit.Build.DotEnv;

/// <summary>
/// A JavaScript object of string values, enumerated in JavaScript's own order: array-index keys ("0", "1", ...)
/// ascending, then the other keys in insertion order. The front ends' readers expand and merge in that order.
/// Values may be secrets.
/// </summary>
internal sealed class JsEnvObject
{
    private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly List<string> _insertionOrder = new List<string>();

    /// <summary>Where a key never set here is looked up (a process environment read one name at a time), or null.</summary>
    private readonly Func<string, string?>? _fallback;

    public JsEnvObject()
    {
    }

    /// <summary>An object that also holds what <paramref name="fallback"/> answers; those keys are not enumerated.</summary>
    public JsEnvObject(Func<string, string?> fallback) => _fallback = fallback;

    public JsEnvObject(JsEnvObject other)
    {
        if (other == null) throw new ArgumentNullException(nameof(other));
        foreach (var key in other.Keys) this[key] = other[key];
        _fallback = other._fallback;
    }

    public int Count => _values.Count;

    public string this[string key]
    {
        get => Get(key) ?? throw new KeyNotFoundException();
        set
        {
            if (!_values.ContainsKey(key)) _insertionOrder.Add(key);
            _values[key] = value;
        }
    }

    /// <summary>The keys in JavaScript's property order.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            var indices = _insertionOrder.Where(IsArrayIndex).OrderBy(k => uint.Parse(k, CultureInfo.InvariantCulture));
            return indices.Concat(_insertionOrder.Where(k => !IsArrayIndex(k))).ToList();
        }
    }

    public bool ContainsKey(string key) => Get(key) != null;

    /// <summary>The value, or null when the key is absent (JavaScript's <c>undefined</c>).</summary>
    public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : _fallback?.Invoke(key);

    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>(_values, StringComparer.Ordinal);

    // The values may be secrets.
    public override string ToString() => $"{Count} variables";

    /// <summary>A canonical uint32 numeral below 2^32 - 1, as ECMAScript defines an array index.</summary>
    private static bool IsArrayIndex(string key)
    {
        if (key.Length == 0 || key.Length > 10) return false;
        if (key.Length > 1 && key[0] == '0') return false;
        foreach (var c in key) if (c < '0' || c > '9') return false;
        return ulong.Parse(key, CultureInfo.InvariantCulture) < uint.MaxValue;
    }
}
