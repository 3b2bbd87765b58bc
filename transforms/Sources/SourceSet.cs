using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Toolkit.Transforms.Recipes.Primitives;
using Toolkit.Transforms.Semantics;
using Toolkit.Transforms.Swaps;

namespace Toolkit.Transforms.Sources;

/// <summary>
/// The app's files held in memory while recipes run: each recipe reads and replaces whole texts here,
/// and nothing reaches the disk. At the end, <see cref="ToResult"/> turns the differences into edits.
/// </summary>
public sealed class SourceSet
{
    private readonly SortedDictionary<string, string> _original;
    private readonly SortedDictionary<string, string> _current;
    private readonly List<ManualStep> _manualSteps = [];
    private readonly List<SwapDatabaseScript> _scripts = [];
    private readonly AppReferences? _references;
    private CSharpCompilation? _compilation;
    private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SyntaxTree> _pending = new(StringComparer.Ordinal);

    /// <summary>Creates a set from relative paths (with <c>/</c> separators) and their texts.</summary>
    public SourceSet(IReadOnlyDictionary<string, string> files, AppReferences? references = null, IReadOnlyDictionary<string, string>? options = null)
    {
        _original = new SortedDictionary<string, string>(files.ToDictionary(f => Normalize(f.Key), f => f.Value), StringComparer.Ordinal);
        _current = new SortedDictionary<string, string>(_original, StringComparer.Ordinal);
        _references = references;
        Options = options ?? new Dictionary<string, string>();
    }

    /// <summary>How every C# file is parsed (the newest language, as the SDK would).</summary>
    public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    /// <summary>Swap options given by the caller (for example <c>r2.accountId</c>).</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>True when the app's references were resolved, so rewriters can bind symbols.</summary>
    public bool HasSemantics => _references is not null;

    /// <summary>Every path, sorted ordinally.</summary>
    public IEnumerable<string> Paths => _current.Keys;

    /// <summary>Paths whose file name ends with <paramref name="suffix"/> (case-insensitive).</summary>
    public IEnumerable<string> PathsEndingWith(string suffix) =>
        _current.Keys.Where(p => p.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>The C# files.</summary>
    public IEnumerable<string> CSharpFiles => PathsEndingWith(".cs");

    /// <summary>
    /// The C# files whose code names <paramref name="name"/>, in path order: an identifier containing it (comments and
    /// strings do not count: a large file that only mentions a provider in a comment is not bound). When a global using,
    /// in a file or among the project's implicit usings, imports a namespace starting with <paramref name="name"/>,
    /// code anywhere can use it without naming it: then every C# file.
    /// </summary>
    public IReadOnlyList<string> CSharpFilesNaming(string name)
    {
        var mentioning = CSharpFiles.Where(p => Read(p).Contains(name, StringComparison.Ordinal)).ToList();
        var imported = (_references?.ImplicitUsings ?? []).Any(u => SymbolNames.IsNamespaceOrBelow(u, name))
            || mentioning.Any(p => SyntaxTree(p).GetRoot() is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax unit
                && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && SymbolNames.IsNamespaceOrBelow(u.NamespaceOrType.ToString(), name)));
        if (imported) return CSharpFiles.ToList();
        return mentioning.Where(p => SyntaxTree(p).GetRoot().DescendantTokens()
            .Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText.Contains(name, StringComparison.Ordinal))).ToList();
    }

    /// <summary>The current text of <paramref name="path"/>.</summary>
    public string Read(string path) => _current[Normalize(path)];

    /// <summary>Replaces the text of <paramref name="path"/> in memory.</summary>
    public void Write(string path, string text)
    {
        path = Normalize(path);
        // Generated code uses \n; the file's own line endings are kept, line by line when it mixes them.
        if (_current.TryGetValue(path, out var old)) text = LineEndings.Keep(old, text);
        if (old == text) return;
        _current[path] = text;
        // The old tree stays in the compilation until a file that changed asks for its model: then all
        // pending trees are swapped at once. Rewriting many files one by one so binds each unchanged file
        // against one compilation instead of building a new one per edit.
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) return;
        if (_trees.Remove(path, out var oldTree) && _compilation is not null && (_pending.ContainsKey(path) || _compilation.ContainsSyntaxTree(oldTree)))
            _pending.TryAdd(path, oldTree);
        else _compilation = null;
    }

    /// <summary>Records something a recipe would not change safely.</summary>
    public void AddManualStep(string path, int line, string reason) => _manualSteps.Add(new ManualStep(Normalize(path), line, reason));

    /// <summary>Adds a database script for the swap; a script of the same name replaces the earlier one.</summary>
    public void AddDatabaseScript(SwapDatabaseScript script)
    {
        _scripts.RemoveAll(s => s.Name == script.Name);
        _scripts.Add(script);
    }

    /// <summary>The parsed tree of a C# file (cached until the file is written).</summary>
    public SyntaxTree SyntaxTree(string path)
    {
        path = Normalize(path);
        if (!_trees.TryGetValue(path, out var tree))
        {
            tree = CSharpSyntaxTree.ParseText(_current[path], ParseOptions, path);
            _trees[path] = tree;
        }
        return tree;
    }

    /// <summary>
    /// The semantic model of a C# file against the app's own references, or null when the references
    /// could not be resolved (rewriters then change nothing). The file itself is always current; other
    /// files are as of the last time a changed file asked for a model, which is what a file-by-file
    /// rewrite needs.
    /// </summary>
    public SemanticModel? SemanticModel(string path)
    {
        if (_references is null) return null;
        var tree = SyntaxTree(path);
        if (_compilation is not null && !_compilation.ContainsSyntaxTree(tree) && _pending.Count > 0)
        {
            _compilation = _compilation.RemoveSyntaxTrees(_pending.Values).AddSyntaxTrees(_pending.Keys.Select(SyntaxTree));
            _pending.Clear();
        }
        if (_compilation is not null && !_compilation.ContainsSyntaxTree(tree)) _compilation = null;
        if (_compilation is null)
        {
            _pending.Clear();
            ParseAll();
        }
        _compilation ??= CSharpCompilation.Create(
            "App",
            CSharpFiles.Select(SyntaxTree).Append(_references.GlobalUsings()),
            _references.MetadataReferences,
            new CSharpCompilationOptions(_references.Executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return _compilation.GetSemanticModel(tree);
    }

    // The first compilation needs every file parsed: parsing is independent per file, so it runs on all cores.
    private void ParseAll()
    {
        var missing = CSharpFiles.Where(p => !_trees.ContainsKey(p)).ToArray();
        var parsed = new SyntaxTree[missing.Length];
        Parallel.For(0, missing.Length, AllCores.Options, i => parsed[i] = CSharpSyntaxTree.ParseText(_current[missing[i]], ParseOptions, missing[i]));
        for (var i = 0; i < missing.Length; i++) _trees[missing[i]] = parsed[i];
    }

    /// <summary>Whole-file edits for every changed file, plus the manual steps and database scripts, in a stable order.</summary>
    public SwapResult ToResult()
    {
        var edits = _current
            .Where(f => !_original.TryGetValue(f.Key, out var before) || before != f.Value)
            .Select(f => new FileEdit(f.Key, _original.GetValueOrDefault(f.Key), f.Value))
            .ToList();
        var steps = _manualSteps.Distinct()
            .OrderBy(s => s.RelativePath, StringComparer.Ordinal).ThenBy(s => s.Line).ThenBy(s => s.Reason, StringComparer.Ordinal)
            .ToList();
        return new SwapResult(edits, steps, _scripts.OrderBy(s => s.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>Loads the files recipes may change from <paramref name="appRoot"/> (build output and VCS folders skipped).</summary>
    public static IReadOnlyDictionary<string, string> LoadFiles(string appRoot)
    {
        var root = Path.GetFullPath(appRoot);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            var relative = Normalize(Path.GetRelativePath(root, file));
            if (relative.Split('/').Any(IsSkippedFolder) || !IsTransformable(relative)) continue;
            files[relative] = File.ReadAllText(file, Encoding.UTF8);
        }
        return files;
    }

    private static bool IsSkippedFolder(string segment) =>
        segment is "bin" or "obj" or ".git" or "node_modules" or ".toolkit" or ".vs" or ".idea";

    private static bool IsTransformable(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        return name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
            || name is "Directory.Packages.props" or "Directory.Build.props"
            || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
