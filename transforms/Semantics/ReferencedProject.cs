using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Toolkit.Transforms.Semantics;

/// <summary>
/// The C# code of a project the app references (<c>ProjectReference</c>) that lies outside the app's
/// folder, such as a <c>Shared</c> library of the same repository. It is compiled beside the app, read
/// only, so its types and helpers bind and rewriters can read what a helper does; its files are never
/// part of the app's edits.
/// </summary>
/// <param name="ProjectPath">The project file, relative to the app root with <c>/</c> separators (<c>../Shared/Shared.csproj</c>).</param>
/// <param name="AssemblyName">The assembly it builds (its file name without <c>.csproj</c>).</param>
/// <param name="Files">Its C# files: path relative to the app root (as the plan would name it) and text.</param>
/// <param name="ImplicitUsings">The global usings its SDK adds.</param>
/// <param name="References">Indexes in <see cref="AppReferences.Projects"/> of the projects it references itself.</param>
public sealed record ReferencedProject(string ProjectPath, string AssemblyName, IReadOnlyList<KeyValuePair<string, string>> Files,
    IReadOnlyList<string> ImplicitUsings, IReadOnlyList<int> References)
{
    /// <summary>
    /// The projects outside <paramref name="appRoot"/> that <paramref name="projectPath"/> references, directly or
    /// through them, each listed after the projects it references (so each compiles against the ones before it).
    /// </summary>
    public static IReadOnlyList<ReferencedProject> Load(string appRoot, string projectPath)
    {
        appRoot = Path.GetFullPath(appRoot);
        var order = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the way, true: done (cycles end)
        void Visit(string path)
        {
            if (state.ContainsKey(path)) return;
            state[path] = false;
            foreach (var include in PackageReference.ProjectReferences(path))
            {
                var next = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include.Replace('\\', Path.DirectorySeparatorChar)));
                if (File.Exists(next)) Visit(next);
            }
            state[path] = true;
            order.Add(path);
        }
        var app = Path.GetFullPath(projectPath);
        Visit(app);
        var outside = order.Where(p => p != app && Relative(appRoot, p).StartsWith("..", StringComparison.Ordinal)).ToList();
        var result = new List<ReferencedProject>();
        foreach (var path in outside)
        {
            var folder = Path.GetDirectoryName(path)!;
            var references = PackageReference.ProjectReferences(path)
                .Select(i => outside.IndexOf(Path.GetFullPath(Path.Combine(folder, i.Replace('\\', Path.DirectorySeparatorChar)))))
                .Where(i => i >= 0).Distinct().Order().ToList();
            var project = AppProject.Read(path);
            result.Add(new ReferencedProject(Relative(appRoot, path), Path.GetFileNameWithoutExtension(path), SourceFiles(appRoot, folder), project.ImplicitUsings, references));
        }
        return result;
    }

    // The files the SDK compiles by default: every .cs below the project folder, except build output and the
    // folders of other projects nested in it.
    private static IReadOnlyList<KeyValuePair<string, string>> SourceFiles(string appRoot, string folder)
    {
        var files = new List<KeyValuePair<string, string>>();
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var next))
        {
            foreach (var file in Directory.EnumerateFiles(next, "*.cs", options).Order(StringComparer.Ordinal))
                files.Add(new(Relative(appRoot, file), File.ReadAllText(file, Encoding.UTF8)));
            foreach (var sub in Directory.EnumerateDirectories(next, "*", options))
            {
                var name = Path.GetFileName(sub);
                if (name is "bin" or "obj" or ".git" or "node_modules" || Directory.EnumerateFiles(sub, "*.csproj", options).Any()) continue;
                pending.Push(sub);
            }
        }
        return files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
    }

    private static string Relative(string appRoot, string path) => Path.GetRelativePath(appRoot, path).Replace('\\', '/');

    /// <summary>
    /// Compiles the projects in order, each against <paramref name="assemblies"/> (the app's, which its packages
    /// flow into) and the projects it references; nothing is emitted.
    /// </summary>
    internal static IReadOnlyList<MetadataReference> Compile(IReadOnlyList<ReferencedProject> projects, IReadOnlyList<MetadataReference> assemblies)
    {
        var compiled = new List<MetadataReference>();
        foreach (var project in projects)
        {
            var trees = project.Files.Select(f => CSharpSyntaxTree.ParseText(f.Value, Sources.SourceSet.ParseOptions, f.Key))
                .Append(CSharpSyntaxTree.ParseText(string.Concat(project.ImplicitUsings.Select(u => $"global using global::{u};\n")), Sources.SourceSet.ParseOptions,
                    path: project.ProjectPath + ".ImplicitUsings.g.cs"));
            var compilation = CSharpCompilation.Create(project.AssemblyName, trees, assemblies.Concat(project.References.Select(i => compiled[i])),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            compiled.Add(compilation.ToMetadataReference());
        }
        return compiled;
    }
}
