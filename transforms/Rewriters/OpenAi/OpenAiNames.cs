using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Toolkit.Transforms.Sources;

namespace Toolkit.Transforms.Rewriters.OpenAi;

/// <summary>
/// The names the OpenAI and System.ClientModel assemblies declare, split into type names and member
/// names, so the coverage check binds only the names in a file that could possibly mean an OpenAI
/// symbol. Binding a name binds its whole method body, so every name skipped here saves a body.
/// </summary>
internal sealed class OpenAiNames
{
    private readonly HashSet<string> _types;
    private readonly HashSet<string> _members;
    private readonly bool _globalUsingStatic;

    private OpenAiNames(HashSet<string> types, HashSet<string> members, bool globalUsingStatic)
    {
        _types = types;
        _members = members;
        _globalUsingStatic = globalUsingStatic;
    }

    /// <summary>Reads the names from the OpenAI assemblies <paramref name="compilation"/> references.</summary>
    public static OpenAiNames From(Compilation compilation)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol { Name: "OpenAI" or "System.ClientModel" } assembly) continue;
            if (reference is PortableExecutableReference { FilePath: { } path } && File.Exists(path)) ReadMetadata(path, types, members);
            else ReadSymbols(assembly, types, members);
        }
        // A global `using static` in any file brings static members into every file as bare names.
        var globalUsingStatic = compilation.SyntaxTrees.Any(t => t.GetRoot() is CompilationUnitSyntax unit
            && unit.Usings.Any(u => u.GlobalKeyword != default && u.StaticKeyword != default));
        return new OpenAiNames(types, members, globalUsingStatic);
    }

    // Straight from the metadata tables: a few milliseconds, where building Roslyn symbols for the
    // assembly's 3,600 types takes tens. Every type and member name is read (a superset is safe).
    private static void ReadMetadata(string path, HashSet<string> types, HashSet<string> members)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            types.Add(WithoutArity(reader.GetString(type.Name)));
            foreach (var method in type.GetMethods()) members.Add(reader.GetString(reader.GetMethodDefinition(method).Name));
            foreach (var property in type.GetProperties()) members.Add(reader.GetString(reader.GetPropertyDefinition(property).Name));
            foreach (var field in type.GetFields()) members.Add(reader.GetString(reader.GetFieldDefinition(field).Name));
            foreach (var @event in type.GetEvents()) members.Add(reader.GetString(reader.GetEventDefinition(@event).Name));
        }
    }

    private static void ReadSymbols(IAssemblySymbol assembly, HashSet<string> types, HashSet<string> members)
    {
        var namespaces = new Stack<INamespaceSymbol>([assembly.GlobalNamespace]);
        while (namespaces.TryPop(out var ns))
        {
            foreach (var child in ns.GetNamespaceMembers()) namespaces.Push(child);
            var pending = new Stack<INamedTypeSymbol>(ns.GetTypeMembers());
            while (pending.TryPop(out var type))
            {
                types.Add(type.Name);
                members.UnionWith(type.MemberNames);
                foreach (var nested in type.GetTypeMembers()) pending.Push(nested);
            }
        }
    }

    // Metadata names generic types ChatClientResult`1; C# source names them without the arity.
    private static string WithoutArity(string name) => name.IndexOf('`') is var tick and >= 0 ? name[..tick] : name;

    /// <summary>True when <paramref name="name"/> is the name of a type the OpenAI assemblies declare.</summary>
    public bool IsTypeName(string name) => _types.Contains(name);

    /// <summary>
    /// False only when <paramref name="name"/> cannot bind to an OpenAI symbol whatever its context:
    /// after a dot (or as an initializer or argument name) it could be any OpenAI member; standing alone
    /// it is a local, a parameter, a member of its own type or a type, so it needs an OpenAI type name,
    /// unless inherited or statically imported members are in scope.
    /// </summary>
    public bool CouldBind(SimpleNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        if (_types.Contains(text)) return true;
        if (!_members.Contains(text)) return false;
        if (IsMemberPosition(name)) return true;
        return _globalUsingStatic || FileHasUsingStatic(name) || InheritsMembers(name);
    }

    private static bool IsMemberPosition(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == name,
        MemberBindingExpressionSyntax => true,
        QualifiedNameSyntax qualified => qualified.Right == name,
        NameColonSyntax or NameEqualsSyntax => true,
        AssignmentExpressionSyntax assignment => assignment.Left == name && assignment.Parent is InitializerExpressionSyntax,
        _ => false,
    };

    private static bool FileHasUsingStatic(SyntaxNode node) =>
        Declarations.Usings(node.SyntaxTree.GetRoot()).Any(u => u.StaticKeyword != default);

    // A bare name in a type with a base list (or nested in one) may be an inherited OpenAI member.
    private static bool InheritsMembers(SyntaxNode node) =>
        node.Ancestors().OfType<BaseTypeDeclarationSyntax>().Any(t => t.BaseList is not null);
}
