using System.Globalization;
using Toolkit.Core.Diagnostics;
using Toolkit.Stacks.Model;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// Checks a program against provider schemas: each type token exists, each property and nested property
/// is an input, value kinds match (an integer is fine where a number is declared), required inputs are
/// present, enum values are allowed, and every <c>${...}</c> and option names something declared.
/// Every error names the resource and the property path.
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

        foreach (var v in program.Variables) CheckReferences(v.Value, declared, new Where("variable", v.Name, null), errors);
        foreach (var resource in program.Resources)
        {
            var where = new Where("resource", resource.Name, resource.Type);
            CheckReferences(resource.Properties, declared, where, errors);
            CheckOptions(resource, resources, where, errors);
            CheckSchema(resource, where, errors);
        }
        foreach (var o in program.Outputs) CheckReferences(o.Value, declared, new Where("output", o.Name, null), errors);
        return errors;
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

    private static void CheckReferences(Value value, HashSet<string> declared, Where where, List<Diagnostic> errors, string path = "")
    {
        switch (value)
        {
            case Interpolation i:
                foreach (var root in References(i.Template))
                    if (!declared.Contains(root))
                        errors.Add(Diagnostic.Error(Codes.DanglingReference,
                            $"{where}: property '{Display(path)}' refers to '${{{root}...}}', but no resource, variable or config key is named '{root}'."));
                break;
            case MapValue m:
                foreach (var (k, v) in m.Entries) CheckReferences(v, declared, where, errors, HasReference(v) ? Join(path, k) : "");
                break;
            case ListValue l:
                for (var n = 0; n < l.Items.Count; n++) CheckReferences(l.Items[n], declared, where, errors, HasReference(l.Items[n]) ? $"{path}[{n}]" : "");
                break;
            case SecretValue s: CheckReferences(s.Inner, declared, where, errors, path); break;
            case JsonValue j: CheckReferences(j.Inner, declared, where, errors, path); break;
            case InvokeValue inv: CheckReferences(inv.Arguments, declared, where, errors, path); break;
            case FunctionValue f: CheckReferences(f.Argument, declared, where, errors, path); break;
        }
    }

    /// <summary>The root names referenced by <c>${...}</c> in <paramref name="template"/> (<c>$${</c> is an escape).</summary>
    public static IEnumerable<string> References(string template)
    {
        for (var at = template.IndexOf("${", StringComparison.Ordinal); at >= 0; at = template.IndexOf("${", at + 2, StringComparison.Ordinal))
        {
            if (at > 0 && template[at - 1] == '$') continue;
            var end = at + 2;
            while (end < template.Length && template[end] is not ('.' or '[' or '}')) end++;
            yield return template[(at + 2)..end];
        }
    }

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

        private static string Suggest(string key, ObjectSchema schema)
        {
            var close = schema.Properties.Keys.Where(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase) || Distance(k, key) <= 2)
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
}
