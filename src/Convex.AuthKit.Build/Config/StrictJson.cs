using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Parses JSON exactly as JavaScript's <c>JSON.parse</c> does (the reference CLI's parser): no comments, no BOM, no
/// trailing commas, no single quotes; a duplicate key keeps its first position and takes the last value.
/// Newtonsoft's own reader accepts all of those, so it cannot be used to decide validity.
/// </summary>
internal sealed class StrictJson
{
    private const int MaxDepth = 512;
    private readonly string _text;
    private int _pos;

    private StrictJson(string text) => _text = text;

    /// <exception cref="StrictJsonException">The text is not valid JSON.</exception>
    public static JToken Parse(string text)
    {
        var parser = new StrictJson(text ?? throw new ArgumentNullException(nameof(text)));
        parser.SkipWhitespace();
        var value = parser.ReadValue(0);
        parser.SkipWhitespace();
        if (parser._pos < text.Length) throw parser.Unexpected();
        return value;
    }

    private JToken ReadValue(int depth)
    {
        if (depth > MaxDepth) throw new StrictJsonException($"JSON nested deeper than {MaxDepth} levels at position {_pos}", _pos);
        if (_pos >= _text.Length) throw EndOfInput();
        switch (_text[_pos])
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return new JValue(ReadString());
            case 't': ExpectWord("true"); return new JValue(true);
            case 'f': ExpectWord("false"); return new JValue(false);
            case 'n': ExpectWord("null"); return JValue.CreateNull();
            default:
                var c = _text[_pos];
                if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                throw Unexpected();
        }
    }

    private JObject ReadObject(int depth)
    {
        var obj = new JObject();
        _pos++;
        SkipWhitespace();
        if (Peek() == '}') { _pos++; return obj; }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"') throw _pos >= _text.Length ? EndOfInput() : Unexpected();
            var key = ReadString();
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            // JObject's indexer replaces an existing property's value in place, as JSON.parse does.
            obj[key] = ReadValue(depth + 1);
            SkipWhitespace();
            if (Peek() == ',') { _pos++; continue; }
            Expect('}');
            return obj;
        }
    }

    private JArray ReadArray(int depth)
    {
        var array = new JArray();
        _pos++;
        SkipWhitespace();
        if (Peek() == ']') { _pos++; return array; }
        while (true)
        {
            SkipWhitespace();
            array.Add(ReadValue(depth + 1));
            SkipWhitespace();
            if (Peek() == ',') { _pos++; continue; }
            Expect(']');
            return array;
        }
    }

    private string ReadString()
    {
        _pos++; // opening quote
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw new StrictJsonException($"Unterminated string in JSON at position {_pos}", _pos);
            var c = _text[_pos];
            if (c == '"') { _pos++; return sb.ToString(); }
            if (c < 0x20) throw new StrictJsonException($"Bad control character in string literal in JSON at position {_pos}", _pos);
            if (c != '\\') { sb.Append(c); _pos++; continue; }
            _pos++;
            if (_pos >= _text.Length) throw new StrictJsonException($"Unterminated string in JSON at position {_pos}", _pos);
            var e = _text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !ushort.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        throw new StrictJsonException($"Bad Unicode escape in JSON at position {_pos - 2}", _pos - 2);
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default: throw new StrictJsonException($"Bad escaped character in JSON at position {_pos - 1}", _pos - 1);
            }
        }
    }

    private JValue ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-') _pos++;
        if (Peek() == '0') _pos++;
        else if (IsDigit(Peek())) while (IsDigit(Peek())) _pos++;
        else throw _pos >= _text.Length ? EndOfInput() : new StrictJsonException($"No number after minus sign in JSON at position {_pos}", _pos);
        if (Peek() == '.')
        {
            _pos++;
            if (!IsDigit(Peek())) throw _pos >= _text.Length ? EndOfInput() : new StrictJsonException($"Unterminated fractional number in JSON at position {_pos}", _pos);
            while (IsDigit(Peek())) _pos++;
        }
        if (Peek() == 'e' || Peek() == 'E')
        {
            _pos++;
            if (Peek() == '+' || Peek() == '-') _pos++;
            if (!IsDigit(Peek())) throw _pos >= _text.Length ? EndOfInput() : new StrictJsonException($"Exponent part is missing a number in JSON at position {_pos}", _pos);
            while (IsDigit(Peek())) _pos++;
        }
        // JavaScript numbers are doubles; so are ours. Out of range is Infinity there (net472's parser refuses it).
        var literal = _text.Substring(start, _pos - start);
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            number = literal[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        return new JValue(number);
    }

    private void ExpectWord(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (_pos >= _text.Length) throw EndOfInput();
            if (_text[_pos] != word[i]) throw Unexpected();
            _pos++;
        }
    }

    private void Expect(char c)
    {
        if (_pos >= _text.Length) throw EndOfInput();
        if (_text[_pos] != c) throw Unexpected();
        _pos++;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r')) _pos++;
    }

    private StrictJsonException EndOfInput() => new("Unexpected end of JSON input", _text.Length);

    private StrictJsonException Unexpected()
    {
        var c = _text[_pos];
        var shown = c == '\uFEFF' ? "U+FEFF (byte order mark)" : c < 0x20 ? $"U+{(int)c:X4}" : $"'{c}'";
        return new StrictJsonException($"Unexpected token {shown} in JSON at position {_pos}", _pos);
    }
}

/// <summary>The text given to <see cref="StrictJson"/> is not JSON; the message says where.</summary>
internal sealed class StrictJsonException : Exception
{
    public StrictJsonException(string message, int position) : base(message) { Position = position; }

    /// <summary>The offset in the text where reading stopped.</summary>
    public int Position { get; }
}
