using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Toolkit.Transforms.Semantics;

/// <summary>
/// What an app compiles against: the compile assemblies of its packages and the framework reference
/// assemblies, plus the global usings its SDK adds. Enough for a semantic model without MSBuild.
/// </summary>
public sealed record AppReferences(IReadOnlyList<string> AssemblyPaths, IReadOnlyList<string> ImplicitUsings, bool Executable = false)
{
    private IReadOnlyList<MetadataReference>? _references;
    private IReadOnlyList<MetadataReference>? _withProjects;

    /// <summary>
    /// What the restore could not bring, in words for a plan (packages the sources refuse, project
    /// references, a Windows-only target); empty when everything resolved. Code using those does not bind.
    /// </summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>
    /// The referenced projects outside the app's folder whose code is compiled beside it (read only), each
    /// after the projects it references; empty when there are none.
    /// </summary>
    public IReadOnlyList<ReferencedProject> Projects
    {
        get => _projects;
        init
        {
            _projects = value;
            _withProjects = null; // a copy made with `with` compiles its own projects
        }
    }

    private readonly IReadOnlyList<ReferencedProject> _projects = [];

    /// <summary>Roslyn references for <see cref="AssemblyPaths"/> and the compiled <see cref="Projects"/> (created once).</summary>
    public IReadOnlyList<MetadataReference> MetadataReferences => _withProjects ??= Projects.Count == 0 ? Assemblies
        : Assemblies.Concat(ReferencedProject.Compile(Projects, Assemblies)).ToList();

    private IReadOnlyList<MetadataReference> Assemblies =>
        _references ??= AssemblyPaths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();

    /// <summary>A syntax tree holding the implicit <c>global using</c> directives.</summary>
    public SyntaxTree GlobalUsings() =>
        CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using global::{u};\n")), Sources.SourceSet.ParseOptions, path: "ImplicitUsings.g.cs");
}
