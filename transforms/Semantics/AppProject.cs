using System.Xml.Linq;

namespace Toolkit.Transforms.Semantics;

/// <summary>The facts about an app's project file that a compilation needs.</summary>
public sealed record AppProject(string ProjectPath, string Sdk, string TargetFramework, bool ImplicitUsingsEnabled, IReadOnlyList<string> ExtraUsings, string OutputType = "Library")
{
    /// <summary>True for programs (OutputType Exe, or any Web SDK app), which may use top-level statements.</summary>
    public bool IsExecutable => IsWeb || OutputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || OutputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] BaseUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>The framework without its platform (<c>net8.0</c> for <c>net8.0-windows</c>): what the reference packs are named for.</summary>
    public string BaseTargetFramework => TargetFramework.Split('-')[0];

    /// <summary>True for <c>Microsoft.NET.Sdk.Web</c> apps (they also reference ASP.NET Core).</summary>
    public bool IsWeb => Sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);

    /// <summary>The global usings the SDK generates, as <c>dotnet build</c> would.</summary>
    public IReadOnlyList<string> ImplicitUsings =>
        (ImplicitUsingsEnabled ? BaseUsings.Concat(IsWeb ? WebUsings : []) : []).Concat(ExtraUsings).Distinct().ToList();

    /// <summary>Finds the one project at <paramref name="appRoot"/> (or the only one below it) and reads it.</summary>
    /// <exception cref="InvalidDataException">No project, several at the root, or one that cannot be read.</exception>
    public static AppProject Find(string appRoot)
    {
        var atRoot = Directory.EnumerateFiles(appRoot, "*.csproj").Order(StringComparer.Ordinal).ToList();
        var candidates = atRoot.Count > 0
            ? atRoot
            : Directory.EnumerateFiles(appRoot, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj")).Order(StringComparer.Ordinal).ToList();
        if (candidates.Count != 1)
            throw new InvalidDataException(candidates.Count == 0
                ? $"{appRoot}: no .csproj found."
                : $"{appRoot}: several projects ({string.Join(", ", candidates.Select(Path.GetFileName))}); point at one app.");
        return Read(candidates[0]);
    }

    /// <summary>Reads <paramref name="projectPath"/>.</summary>
    public static AppProject Read(string projectPath)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(projectPath);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidDataException($"{projectPath}:{e.LineNumber}: not valid XML: {e.Message}", e);
        }
        var root = document.Root!;
        var properties = root.Elements("PropertyGroup").Elements().ToList();
        // What the project does not set may come from Directory.Build.props (imported before it): TargetFramework, ImplicitUsings...
        var inherited = BuildProps(projectPath);
        string? Own(string name) => properties.LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
        string? Inherited(string name) => inherited.Select(p => p.LastOrDefault(e => e.Name.LocalName == name)?.Value.Trim()).FirstOrDefault(v => v is not null);
        string? Property(string name) => Own(name) ?? Inherited(name);
        var framework = Own("TargetFramework") ?? Own("TargetFrameworks")?.Split(';')[0] ?? Inherited("TargetFramework") ?? Inherited("TargetFrameworks")?.Split(';')[0]
            ?? throw new InvalidDataException($"{projectPath}: no TargetFramework.");
        var usings = root.Elements("ItemGroup").Elements("Using").Concat(inherited.SelectMany(p => p.Where(e => e.Name.LocalName == "Using")))
            .Select(u => (string?)u.Attribute("Include")).OfType<string>().ToList();
        var implicitUsings = Property("ImplicitUsings") is { } value && (value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase));
        return new AppProject(Path.GetFullPath(projectPath), (string?)root.Attribute("Sdk") ?? "Microsoft.NET.Sdk", framework, implicitUsings, usings,
            Property("OutputType") ?? "Library");
    }

    // The PropertyGroup and ItemGroup elements of each Directory.Build.props above the project, nearest first
    // (unconditioned groups only: a condition such as CI's is not evaluated here).
    private static List<List<XElement>> BuildProps(string projectPath)
    {
        var result = new List<List<XElement>>();
        foreach (var file in ProjectSideFiles.Find(Path.GetDirectoryName(Path.GetFullPath(projectPath))!)
            .Where(f => Path.GetFileName(f).Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                var props = XDocument.Load(file).Root;
                if (props is null) continue;
                result.Add(props.Elements().Where(g => g.Name.LocalName is "PropertyGroup" or "ItemGroup" && g.Attribute("Condition") is null).SelectMany(g => g.Elements()).ToList());
            }
            catch (System.Xml.XmlException e)
            {
                throw new InvalidDataException($"{file}:{e.LineNumber}: not valid XML: {e.Message}", e);
            }
        }
        return result;
    }
}
