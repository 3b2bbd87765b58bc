namespace Toolkit.Stacks.Schemas;

/// <summary>
/// The shape of one property in a Pulumi package schema: a primitive <see cref="Type"/>
/// (<c>string</c>, <c>number</c>, <c>integer</c>, <c>boolean</c>, <c>array</c>, <c>object</c>), a <see cref="Ref"/>
/// to a named type, array <see cref="Items"/>, map <see cref="AdditionalProperties"/>, or a <see cref="OneOf"/>.
/// </summary>
public sealed record TypeSpec(
    string? Type,
    string? Ref = null,
    TypeSpec? Items = null,
    TypeSpec? AdditionalProperties = null,
    IReadOnlyList<TypeSpec>? OneOf = null)
{
    /// <summary>Accepts anything (no type information).</summary>
    public static TypeSpec Any { get; } = new((string?)null);
}

/// <summary>Input properties and required inputs of a resource, provider or object type.</summary>
public sealed record ObjectSchema(IReadOnlyDictionary<string, TypeSpec> Properties, IReadOnlySet<string> Required)
{
    /// <summary><see cref="Required"/> in ordinal order (sorted once, so messages come out in a stable order).</summary>
    public IReadOnlyList<string> RequiredInOrder { get; } = Required.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The output properties a resource of this type has (what <c>${name.PROPERTY}</c> may read), besides the
    /// <c>id</c> and <c>urn</c> every resource has; null where the schema does not say (providers, object types).
    /// </summary>
    public IReadOnlySet<string>? Outputs { get; init; }
}

/// <summary>
/// A provider function (what <c>fn::invoke</c> calls): its <see cref="Inputs"/> and the names of the fields of its
/// result (what <c>return:</c> or <c>${variable.FIELD}</c> may pick).
/// </summary>
public sealed record FunctionSchema(string Token, ObjectSchema Inputs, IReadOnlySet<string> Outputs);

/// <summary>A named type of a package: an object (with <see cref="Object"/>) or an enum (with <see cref="EnumValues"/>).</summary>
public sealed record NamedType(string Token, ObjectSchema? Object, IReadOnlyList<string>? EnumValues);

/// <summary>
/// One provider package read from its schema (the <c>pulumi package get-schema</c> format): provider
/// inputs, resources by type token and named types by token.
/// </summary>
public sealed record PackageSchema(
    string Name,
    string Version,
    ObjectSchema Provider,
    IReadOnlyDictionary<string, ObjectSchema> Resources,
    IReadOnlyDictionary<string, NamedType> Types)
{
    /// <summary>Provider functions by token (empty when the schema has none).</summary>
    public IReadOnlyDictionary<string, FunctionSchema> Functions { get; init; } = new Dictionary<string, FunctionSchema>();

    /// <summary>Where it was read from (file or embedded resource), for messages.</summary>
    public string Origin { get; init; } = "";

    /// <summary>
    /// The named type a <c>$ref</c> points at, when it is local to this file (<c>#/types/TOKEN</c>);
    /// null for built-ins (<c>pulumi.json#/Any</c>), other packages' types and tokens the file lacks.
    /// </summary>
    public NamedType? Resolve(string reference)
    {
        const string local = "#/types/";
        if (!reference.StartsWith(local, StringComparison.Ordinal)) return null;
        return Types.GetValueOrDefault(Uri.UnescapeDataString(reference[local.Length..]));
    }
}
