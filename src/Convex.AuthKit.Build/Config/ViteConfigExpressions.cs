using System.Globalization;
using System.Text.RegularExpressions;

namespace Convex.AuthKit.Build.Config;

/// <summary>
/// Evaluates the few expression forms a vite.config gives a port in, without running it: numbers and strings,
/// <c>||</c> and <c>??</c>, unary <c>+</c>, <c>parseInt</c>, <c>Number.parseInt</c>, <c>parseFloat</c>,
/// <c>Number</c>, parentheses, a <c>const</c>'s initializer, and variables (docs/architecture.md#dev-origin):
/// <list type="bullet">
/// <item><c>process.env.X</c>, and <c>env.X</c> with <c>env</c> imported from <c>process</c>, see the build's own
/// environment only (Vite does not put the env files into <c>process.env</c>);</item>
/// <item><c>e.X</c> with <c>e = loadEnv(mode, dir, prefixes)</c> sees the app's env files as Vite's loadEnv does for
/// the dev server (<c>.env</c>, <c>.env.local</c>, <c>.env.development</c>, <c>.env.development.local</c>, the last
/// winning, expanded; the build's environment over them for names with the prefixes).</item>
/// </list>
/// Anything else is "cannot evaluate", with the reason.
/// </summary>
internal sealed partial class ViteConfigExpressions
{
    private const int MaxConstDepth = 5;

    private readonly ProjectFiles? _files;
    private string? _problem;

    public ViteConfigExpressions(string source, ProjectFiles? files)
    {
        _files = files;
        Kinds = JsSource.Classify(source);
        Code = JsSource.WithoutComments(source);
        _loadEnvIntoProcess = FindEnvironmentBindings();
    }

    /// <summary>The source with comments blanked out (same length).</summary>
    public string Code { get; }

    public JsCharKind[] Kinds { get; }

    /// <summary>The value of the expression at <paramref name="start"/>, which must end there (a property's value); or why not.</summary>
    public (object? Value, string? Problem) EvaluateValue(int start) => Run(() =>
    {
        var position = start;
        var value = Expression(ref position, 0);
        ExpectEnd(position);
        return value;
    });

    /// <summary>The value of a <c>const</c> (a shorthand property such as <c>{ port }</c>); or why not.</summary>
    public (object? Value, string? Problem) EvaluateConst(string name) => Run(() => Constant(name, 0));

    /// <summary>
    /// Whether an option such as <c>https</c> is set: an object literal or <c>true</c> is, <c>false</c>,
    /// <c>undefined</c> and <c>null</c> are not, a <c>const</c> is what it holds; null when it cannot be told.
    /// </summary>
    public bool? IsSet(int start)
    {
        var position = Skip(start);
        if (position < Code.Length && Code[position] == '{') return true;
        var word = Word(position);
        if (word == null) return null;
        var end = position + word.Length;
        if (!EndsHere(end)) return null;
        return word switch
        {
            "true" => true,
            "false" or "undefined" or "null" => false,
            _ => IsSetConst(word),
        };
    }

    public bool? IsSetConst(string name)
    {
        var initializer = ConstInitializer(name, out _);
        return initializer < 0 ? null : IsSet(initializer);
    }

    /// <summary>The index of the <c>{</c> of the object literal at <paramref name="start"/> (directly or through a <c>const</c>); -1 when it is not one.</summary>
    public int ObjectLiteralAt(int start, int depth = 0)
    {
        var position = Skip(start);
        if (position < Code.Length && Code[position] == '{') return position;
        var word = Word(position);
        if (word == null || depth >= MaxConstDepth || !EndsHere(position + word.Length)) return -1;
        var initializer = ConstInitializer(word, out _);
        return initializer < 0 ? -1 : ObjectLiteralAt(initializer, depth + 1);
    }

    /// <summary>The source text of the value at <paramref name="start"/>, for messages (at most 60 characters).</summary>
    public string Snippet(int start)
    {
        var position = Skip(start);
        var depth = 0;
        var end = position;
        for (; end < Code.Length; end++)
        {
            var c = Code[end];
            if (Kinds[end] != JsCharKind.Code) continue;
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') { if (depth == 0) break; depth--; }
            else if (depth == 0 && (c == ',' || c == ';' || c == '\n' || c == '\r')) break;
        }
        var text = Regex.Replace(Code.Substring(position, end - position).Trim(), @"\s+", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    private (object? Value, string? Problem) Run(Func<object?> evaluate)
    {
        _problem = null;
        var value = evaluate();
        var problem = _problem;
        _problem = null;
        return problem != null ? (null, problem) : (value, null);
    }

    private object? Fail(string problem)
    {
        _problem ??= problem;
        return null;
    }

    // Expression := Unary (('||' | '??') Unary)*
    private object? Expression(ref int position, int depth)
    {
        var left = Unary(ref position, depth);
        while (_problem == null)
        {
            var next = Skip(position);
            if (next + 1 < Code.Length && Code[next] == '|' && Code[next + 1] == '|')
            {
                position = next + 2;
                var right = Unary(ref position, depth);
                left = JsValues.IsTruthy(left) ? left : right;
            }
            else if (next + 1 < Code.Length && Code[next] == '?' && Code[next + 1] == '?')
            {
                position = next + 2;
                var right = Unary(ref position, depth);
                left = left ?? right;
            }
            else break;
        }
        return left;
    }

    // Unary := '+' Unary | Primary
    private object? Unary(ref int position, int depth)
    {
        position = Skip(position);
        if (position + 1 < Code.Length && Code[position] == '+' && Code[position + 1] != '+' && Code[position + 1] != '=')
        {
            position++;
            return JsValues.ToNumber(Unary(ref position, depth));
        }
        return Primary(ref position, depth);
    }

    // Primary := number | string | '(' Expression ')' | path [ '(' arguments ')' ], with TypeScript's `!` and `as T` skipped
    private object? Primary(ref int position, int depth)
    {
        position = Skip(position);
        if (position >= Code.Length) return Fail("");
        var c = Code[position];
        object? value;
        if (char.IsDigit(c) || (c == '.' && position + 1 < Code.Length && char.IsDigit(Code[position + 1])))
        {
            var number = Regex.Match(Code.Substring(position), @"^(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?");
            position += number.Length;
            value = double.Parse(number.Value.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        else if (c == '\'' || c == '"' || c == '`')
        {
            value = StringLiteral(ref position);
            if (_problem != null) return null;
        }
        else if (c == '(')
        {
            position++;
            value = Expression(ref position, depth);
            position = Skip(position);
            if (_problem != null) return null;
            if (position >= Code.Length || Code[position] != ')') return Fail("");
            position++;
        }
        else if (Word(position) != null)
        {
            var path = MemberPath(ref position);
            var next = Skip(position);
            if (next < Code.Length && Code[next] == '(')
            {
                position = next + 1;
                var arguments = Arguments(ref position, depth);
                if (_problem != null) return null;
                value = Call(path, arguments);
            }
            // A word followed by another (`await f()`, `new X()`) is a form this reader does not evaluate.
            else if (path.Count == 1 && Word(next) is { } following && following != "as" && !EndsHere(position)) return Fail("");
            else value = Resolve(path, depth);
        }
        else return Fail("");
        SkipTypeAssertions(ref position);
        return value;
    }

    private object? StringLiteral(ref int position)
    {
        var quote = Code[position];
        var text = new System.Text.StringBuilder();
        var i = position + 1;
        for (; i < Code.Length && Code[i] != quote; i++)
        {
            if (Code[i] == '\\' && i + 1 < Code.Length) { text.Append(Code[++i]); continue; }
            if (quote == '`' && Code[i] == '$' && i + 1 < Code.Length && Code[i + 1] == '{') return Fail("");
            text.Append(Code[i]);
        }
        position = i + 1;
        return text.ToString();
    }

    /// <summary>An identifier with <c>.name</c>, <c>?.name</c>, <c>['name']</c> and <c>!</c> after it.</summary>
    private List<string> MemberPath(ref int position)
    {
        var path = new List<string> { Word(position)! };
        position += path[0].Length;
        while (true)
        {
            var next = Skip(position);
            if (next < Code.Length && Code[next] == '!' && (next + 1 >= Code.Length || Code[next + 1] != '=')) { position = next + 1; continue; }
            var dot = next < Code.Length && Code[next] == '.' ? next + 1
                : next + 1 < Code.Length && Code[next] == '?' && Code[next + 1] == '.' ? next + 2 : -1;
            if (dot > 0 && Word(Skip(dot)) is { } member)
            {
                position = Skip(dot) + member.Length;
                path.Add(member);
                continue;
            }
            if (next < Code.Length && Code[next] == '[')
            {
                var inner = Skip(next + 1);
                if (inner < Code.Length && (Code[inner] == '\'' || Code[inner] == '"'))
                {
                    var key = StringLiteral(ref inner);
                    inner = Skip(inner);
                    if (key is string name && inner < Code.Length && Code[inner] == ']')
                    {
                        position = inner + 1;
                        path.Add(name);
                        continue;
                    }
                }
            }
            return path;
        }
    }

    private List<object?> Arguments(ref int position, int depth)
    {
        var arguments = new List<object?>();
        while (_problem == null)
        {
            position = Skip(position);
            if (position < Code.Length && Code[position] == ')') { position++; break; }
            arguments.Add(Expression(ref position, depth));
            position = Skip(position);
            if (position < Code.Length && Code[position] == ',') { position++; continue; }
            if (position < Code.Length && Code[position] == ')') { position++; break; }
            Fail("");
        }
        return arguments;
    }

    private object? Call(List<string> callee, List<object?> arguments)
    {
        var name = string.Join(".", callee);
        var radixIsTen = arguments.Count < 2 || (arguments[1] is double radix && radix == 10);
        switch (name)
        {
            case "parseInt" or "Number.parseInt" when arguments.Count is 1 or 2 && radixIsTen:
                return JsValues.ParseInt(JsValues.ToJsString(arguments[0]));
            case "parseFloat" or "Number.parseFloat" when arguments.Count == 1:
                return JsValues.ParseFloat(JsValues.ToJsString(arguments[0]));
            case "Number" when arguments.Count == 1:
                return JsValues.ToNumber(arguments[0]);
            default:
                return Fail("");
        }
    }

    private object? Resolve(List<string> path, int depth)
    {
        var root = path[0];
        if (path.Count == 1)
        {
            return root switch
            {
                "undefined" => null,
                "NaN" => double.NaN,
                _ => Constant(root, depth),
            };
        }
        if (_processObjects.Contains(root) && path.Count == 3 && path[1] == "env") return ProcessVariable(path[2]);
        if (_processEnvs.Contains(root) && path.Count == 2) return ProcessVariable(path[1]);
        if (_loadEnvs.TryGetValue(root, out var loaded) && path.Count == 2) return LoadedVariable(loaded, path[1]);
        return Fail("");
    }

    private object? Constant(string name, int depth)
    {
        if (depth >= MaxConstDepth) return Fail("");
        var initializer = ConstInitializer(name, out var problem);
        if (initializer < 0) return Fail(problem);
        var position = initializer;
        var value = Expression(ref position, depth + 1);
        ExpectEnd(position);
        return value;
    }

    /// <summary>Where the one declaration of <paramref name="name"/> (<c>const</c>, <c>let</c> or <c>var</c>) starts its value; -1 when there is none or more than one.</summary>
    private int ConstInitializer(string name, out string problem)
    {
        var declaration = new Regex(@"(?<![\w$.])(?:const|let|var)\s+" + Regex.Escape(name) + @"\s*(?::\s*[\w$.<>\[\]|\s]+?)?=(?![=>])", RegexOptions.CultureInvariant);
        var matches = declaration.Matches(Code).Cast<Match>().Where(m => Kinds[m.Index] == JsCharKind.Code).ToList();
        problem = matches.Count == 0 ? $"{name} is not a const of this file" : matches.Count > 1 ? $"{name} is declared more than once" : "";
        return matches.Count == 1 ? matches[0].Index + matches[0].Length : -1;
    }

    /// <summary>The value ended: what follows is a separator, a closing bracket, or a new statement on a later line.</summary>
    private void ExpectEnd(int position)
    {
        if (_problem != null) return;
        if (!EndsHere(position)) Fail("");
    }

    private bool EndsHere(int position)
    {
        var newLine = false;
        while (position < Code.Length && char.IsWhiteSpace(Code[position]))
        {
            if (Code[position] == '\n' || Code[position] == '\r') newLine = true;
            position++;
        }
        if (position >= Code.Length) return true;
        var c = Code[position];
        if (c == ',' || c == ';' || c == '}' || c == ')' || c == ']') return true;
        return newLine && (char.IsLetter(c) || c == '_' || c == '$');
    }

    private void SkipTypeAssertions(ref int position)
    {
        while (true)
        {
            var next = Skip(position);
            if (Word(next) == "as" && Word(Skip(next + 2)) is { } type)
            {
                position = Skip(next + 2) + type.Length;
                continue;
            }
            return;
        }
    }

    private int Skip(int position)
    {
        while (position < Code.Length && char.IsWhiteSpace(Code[position])) position++;
        return position;
    }

    private string? Word(int position)
    {
        if (position >= Code.Length || Kinds[position] != JsCharKind.Code || !(char.IsLetter(Code[position]) || Code[position] == '_' || Code[position] == '$')) return null;
        var end = position;
        while (end < Code.Length && (char.IsLetterOrDigit(Code[end]) || Code[end] == '_' || Code[end] == '$')) end++;
        return Code.Substring(position, end - position);
    }

}
