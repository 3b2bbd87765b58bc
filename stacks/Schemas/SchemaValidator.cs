using System.Globalization;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// Checks a program against provider schemas: each type token exists, each property and nested property
/// is an input, value kinds match (an integer is fine where a number is declared), required inputs are
/// present, enum values are allowed, and every <c>${...}</c> and option names something declared. References
/// read outputs the schema declares (<c>${bucket.arn}</c> needs an <c>arn</c> output), and every <c>fn::invoke</c>
/// calls a function the provider has, with its inputs, and picks a field its result has: what would otherwise
/// fail only when <c>pulumi up</c> evaluates the program. Every error names the resource and the property path.
/// </summary>
public sealed class SchemaValidator(SchemaSet schemas)
{
    /// <summary>Diagnostic codes.</summary>
    public static class Codes
    {
        /// <summary>Unknown resource type token or package.</summary>
        public const string UnknownType = "TK-SCHEMA-TYPE";
        /// <summary>Property is not an input of the type.</summary>
        public const string UnknownProperty = "TK-SCHEMA-PROPERTY";
        /// <summary>Value has the wrong kind.</summary>
        public const string WrongKind = "TK-SCHEMA-KIND";
        /// <summary>Required input missing.</summary>
        public const string MissingRequired = "TK-SCHEMA-REQUIRED";
        /// <summary>Value not among the enum's values.</summary>
        public const string BadEnum = "TK-SCHEMA-ENUM";
        /// <summary>A <c>${...}</c> or option names nothing declared.</summary>
        public const string DanglingReference = "TK-SCHEMA-REF";
        /// <summary>A <c>${name.property}</c> reads an output the resource's type (or the function's result) does not have.</summary>
        public const string UnknownOutput = "TK-SCHEMA-OUTPUT";
        /// <summary>An <c>fn::invoke</c> names a function the provider does not have.</summary>
        public const string UnknownFunction = "TK-SCHEMA-FUNCTION";
    }

    /// <summary>Every problem found, in program order.</summary>
    public IReadOnlyList<Diagnostic> Validate(PulumiProgram program)
    {
        var errors = new List<Diagnostic>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in program.Config) declared.Add(c.Key);
        foreach (var v in program.Variables) declared.Add(v.Name);
        var resources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in program.Resources) { declared.Add(r.Name); resources.Add(r.Name); }
        var scope = new Names(declared, resources, OutputsByName(program));

        foreach (var v in program.Variables) CheckReferences(v.Value, scope, new Where("variable", v.Name, null), errors);
        foreach (var resource in program.Resources)
        {
            var where = new Where("resource", resource.Name, resource.Type);
            CheckReferences(resource.Properties, scope, where, errors);
            CheckOptions(resource, resources, where, errors);
            CheckSchema(resource, where, errors);
        }
        foreach (var o in program.Outputs) CheckReferences(o.Value, scope, new Where("output", o.Name, null), errors);
        return errors;
    }

    /// <summary>What the names of a program are, for checking <c>${...}</c>: declared names, resources, and the outputs each has.</summary>
    private sealed record Names(HashSet<string> Declared, HashSet<string> Resources, Dictionary<string, (string Of, IReadOnlySet<string> Outputs)> Outputs);

    // The fields a reference may read, per name: a resource's outputs from its type, a variable's from the function
    // it invokes (when it keeps the whole result). Names whose schema is unknown are left out (not checked).
    private Dictionary<string, (string Of, IReadOnlySet<string> Outputs)> OutputsByName(PulumiProgram program)
    {
        var outputs = new Dictionary<string, (string, IReadOnlySet<string>)>(StringComparer.Ordinal);
        foreach (var r in program.Resources)
            if (!r.IsProvider && schemas.Package(r.Package)?.Resources.GetValueOrDefault(r.Type)?.Outputs is { } names)
                outputs[r.Name] = (r.Type, names);
        foreach (var v in program.Variables)
            if (v.Value is InvokeValue { Return: null } invoke && Function(invoke.Function) is { } function)
                outputs[v.Name] = ($"the result of {invoke.Function}", function.Outputs);
        return outputs;
    }

    private FunctionSchema? Function(string token) => PackageOf(token)?.Functions.GetValueOrDefault(token);

    // A function token names its package before the first colon (aws:index/getRegion:getRegion).
    private PackageSchema? PackageOf(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : schemas.Package(token[..colon]);
    }

    /// <summary>What a message is about, formatted only when there is an error (validation allocates nothing per resource otherwise).</summary>
    private readonly record struct Where(string Kind, string Name, string? Type)
    {
        public override string ToString() => Type is null ? $"{Kind} '{Name}'" : $"{Kind} '{Name}' ({Type})";
    }

    private void CheckSchema(Resource resource, Where where, List<Diagnostic> errors)
    {
        var package = schemas.Package(resource.Package);
        if (package is null)
        {
            errors.Add(Diagnostic.Error(Codes.UnknownType, $"{where}: no schema for package '{resource.Package}' (schemas loaded: {string.Join(", ", schemas.Packages)})."));
            return;
        }
        ObjectSchema? schema = resource.IsProvider ? package.Provider : package.Resources.GetValueOrDefault(resource.Type);
        if (schema is null)
        {
            errors.Add(Diagnostic.Error(Codes.UnknownType, $"{where}: type token '{resource.Type}' does not exist in the {package.Name} schema {package.Version}."));
            return;
        }
        new Walk(package, where, errors).Object(resource.Properties, schema, "", resource.Type);
    }

    private static void CheckOptions(Resource resource, HashSet<string> resources, Where where, List<Diagnostic> errors)
    {
        void Need(string? name, string option)
        {
            if (name is not null && !resources.Contains(name))
                errors.Add(Diagnostic.Error(Codes.DanglingReference, $"{where}: option '{option}' names '{name}', which is not a resource of this program."));
        }
        Need(resource.Options.Provider, "provider");
        Need(resource.Options.Parent, "parent");
        foreach (var d in resource.Options.DependsOn) Need(d, "dependsOn");
    }

    private void CheckReferences(Value value, Names scope, Where where, List<Diagnostic> errors, string path = "")
    {
        switch (value)
        {
            case Interpolation i:
                foreach (var (root, field) in ReferencedFields(i.Template))
                {
                    if (!scope.Declared.Contains(root))
                        errors.Add(Diagnostic.Error(Codes.DanglingReference,
                            $"{where}: property '{Display(path)}' refers to '${{{root}...}}', but no resource, variable or config key is named '{root}'."));
                    else if (field is not null && scope.Outputs.TryGetValue(root, out var known) && !known.Outputs.Contains(field)
                             && !(scope.Resources.Contains(root) && field is "id" or "urn"))
                        errors.Add(Diagnostic.Error(Codes.UnknownOutput,
                            $"{where}: property '{Display(path)}' reads '${{{root}.{field}}}', but {known.Of} has no output '{field}'{Suggest(field, known.Outputs)}."));
                }
                break;
            case MapValue m:
                foreach (var (k, v) in m.Entries) CheckReferences(v, scope, where, errors, HasReference(v) ? Join(path, k) : "");
                break;
            case ListValue l:
                for (var n = 0; n < l.Items.Count; n++) CheckReferences(l.Items[n], scope, where, errors, HasReference(l.Items[n]) ? $"{path}[{n}]" : "");
                break;
            case SecretValue s: CheckReferences(s.Inner, scope, where, errors, path); break;
            case JsonValue j: CheckReferences(j.Inner, scope, where, errors, path); break;
            case InvokeValue inv:
                CheckReferences(inv.Arguments, scope, where, errors, path);
                CheckInvoke(inv, scope, where, errors, path);
                break;
            case FunctionValue f: CheckReferences(f.Argument, scope, where, errors, path); break;
        }
    }

    private void CheckInvoke(InvokeValue invoke, Names scope, Where where, List<Diagnostic> errors, string path)
    {
        var at = Display(path);
        if (invoke.Provider is { } provider && !scope.Resources.Contains(provider))
            errors.Add(Diagnostic.Error(Codes.DanglingReference, $"{where}: the fn::invoke at '{at}' names provider '{provider}', which is not a resource of this program."));
        var package = PackageOf(invoke.Function);
        if (package is null)
        {
            errors.Add(Diagnostic.Error(Codes.UnknownFunction,
                $"{where}: the fn::invoke at '{at}' calls '{invoke.Function}', but no schema is loaded for its package (schemas loaded: {string.Join(", ", schemas.Packages)})."));
            return;
        }
        if (!package.Functions.TryGetValue(invoke.Function, out var function))
        {
            errors.Add(Diagnostic.Error(Codes.UnknownFunction,
                $"{where}: the fn::invoke at '{at}' calls '{invoke.Function}', which does not exist in the {package.Name} schema {package.Version}."));
            return;
        }
        new Walk(package, where, errors).Object(invoke.Arguments, function.Inputs, path.Length == 0 ? "fn::invoke" : path + ".fn::invoke", invoke.Function);
        if (invoke.Return is { } picked && !function.Outputs.Contains(picked))
            errors.Add(Diagnostic.Error(Codes.UnknownOutput,
                $"{where}: the fn::invoke at '{at}' returns '{picked}', but the result of {invoke.Function} has no field '{picked}'{Suggest(picked, function.Outputs)}."));
    }

    // Each reference's root and, when it reads one, the first field after it (${a.b.c} gives (a, b); ${a[0]} gives (a, null)).
    private static IEnumerable<(string Root, string? Field)> ReferencedFields(string template)
    {
        for (var at = template.IndexOf("${", StringComparison.Ordinal); at >= 0; at = template.IndexOf("${", at + 2, StringComparison.Ordinal))
        {
            if (at > 0 && template[at - 1] == '$') continue;
            var end = at + 2;
            while (end < template.Length && template[end] is not ('.' or '[' or '}')) end++;
            string? field = null;
            if (end < template.Length && template[end] == '.')
            {
                var fieldEnd = end + 1;
                while (fieldEnd < template.Length && template[fieldEnd] is not ('.' or '[' or '}')) fieldEnd++;
                field = template[(end + 1)..fieldEnd];
            }
            yield return (template[(at + 2)..end], field);
        }
    }

    /// <summary>The root names referenced by <c>${...}</c> in <paramref name="template"/> (<c>$${</c> is an escape).</summary>
    public static IEnumerable<string> References(string template) => ReferencedFields(template).Select(r => r.Root);

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    // Paths are only built down to values that hold a reference (the path is needed only for an error message).
    private static bool HasReference(Value value) => value is Interpolation or MapValue or ListValue or SecretValue or JsonValue or InvokeValue or FunctionValue;

    private static string Display(string path) => path.Length == 0 ? "(value)" : path;

    /// <summary>Walks one resource's properties against its schema.</summary>
    private sealed class Walk(PackageSchema package, Where where, List<Diagnostic> errors)
    {
        public void Object(MapValue map, ObjectSchema schema, string path, string typeName)
        {
            foreach (var (key, value) in map.Entries)
            {
                var at = Join(path, key);
                if (!schema.Properties.TryGetValue(key, out var spec))
                {
                    errors.Add(Diagnostic.Error(Codes.UnknownProperty, $"{where}: property '{at}' is not an input of {typeName}{Suggest(key, schema)}."));
                    continue;
                }
                Value(value, spec, at);
            }
            foreach (var required in schema.RequiredInOrder)
                if (map[required] is null)
                    errors.Add(Diagnostic.Error(Codes.MissingRequired, $"{where}: required input '{Join(path, required)}' of {typeName} is missing."));
        }

        public void Value(Value value, TypeSpec spec, string path)
        {
            switch (value)
            {
                case SecretValue s: Value(s.Inner, spec, path); return;
                case InvokeValue or FunctionValue: return; // the result's kind is known only when Pulumi evaluates it
                case Interpolation { IsSingleReference: true }: return;
            }
            if (spec.OneOf is { Count: > 0 } alternatives)
            {
                foreach (var alternative in alternatives)
                {
                    var probe = new List<Diagnostic>();
                    new Walk(package, where, probe).Value(value, alternative, path);
                    if (probe.Count == 0) return;
                }
                Kind(path, value, string.Join(" or ", alternatives.Select(Describe)));
                return;
            }
            if (spec.Ref is { } reference)
            {
                var named = package.Resolve(reference);
                if (named is null) return; // pulumi.json#/Any, Archive, Asset, or another package's type
                if (named.EnumValues is { } allowed)
                {
                    var text = value switch
                    {
                        StringValue s => s.Text,
                        IntegerValue n => n.Number.ToString(CultureInfo.InvariantCulture),
                        NumberValue n => n.Text,
                        BoolValue b => b.Flag ? "true" : "false",
                        _ => null,
                    };
                    if (text is null) Kind(path, value, "one of " + string.Join(", ", allowed));
                    else if (!allowed.Contains(text))
                        errors.Add(Diagnostic.Error(Codes.BadEnum, $"{where}: property '{path}' is '{text}', which is not one of {string.Join(", ", allowed.Select(a => $"'{a}'"))}."));
                    return;
                }
                if (value is MapValue m) Object(m, named.Object!, path, named.Token);
                else Kind(path, value, $"an object ({named.Token})");
                return;
            }
            switch (spec.Type)
            {
                case null: return;
                case "string":
                    if (value is not (StringValue or Interpolation or JsonValue)) Kind(path, value, "a string");
                    return;
                case "number":
                    if (value is not (IntegerValue or NumberValue)) Kind(path, value, "a number");
                    return;
                case "integer":
                    if (!(value is IntegerValue || value is NumberValue n && Math.Floor(n.Number) == n.Number)) Kind(path, value, "an integer");
                    return;
                case "boolean":
                    if (value is not BoolValue) Kind(path, value, "a boolean");
                    return;
                case "array":
                    if (value is ListValue list)
                    {
                        for (var i = 0; i < list.Items.Count; i++) Value(list.Items[i], spec.Items ?? TypeSpec.Any, $"{path}[{i}]");
                    }
                    else Kind(path, value, "a list");
                    return;
                case "object":
                    if (value is MapValue map)
                    {
                        if (spec.AdditionalProperties is { } each)
                            foreach (var (k, v) in map.Entries) Value(v, each, Join(path, k));
                    }
                    else Kind(path, value, "an object");
                    return;
                default: return;
            }
        }

        private void Kind(string path, Value value, string expected) =>
            errors.Add(Diagnostic.Error(Codes.WrongKind, $"{where}: property '{path}' is {KindOf(value)}, but the schema expects {expected}."));

        private static string KindOf(Value value) => value switch
        {
            StringValue s => $"the string '{s.Text}'",
            Interpolation i => $"the string '{i.Template}'",
            IntegerValue n => $"the integer {n.Number.ToString(CultureInfo.InvariantCulture)}",
            NumberValue n => $"the number {n.Text}",
            BoolValue b => b.Flag ? "the boolean true" : "the boolean false",
            ListValue => "a list",
            MapValue => "an object",
            JsonValue => "a JSON string",
            _ => value.GetType().Name,
        };

        private static string Describe(TypeSpec spec) => spec.Ref ?? spec.Type ?? "any";

        private static string Suggest(string key, ObjectSchema schema) => SchemaValidator.Suggest(key, schema.Properties.Keys);
    }

    private static string Suggest(string key, IEnumerable<string> names)
    {
        var close = names.Where(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase) || Distance(k, key) <= 2)
            .Order(StringComparer.Ordinal).Take(3).ToList();
        return close.Count == 0 ? "" : $" (did you mean {string.Join(", ", close.Select(c => $"'{c}'"))}?)";
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return 3;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
