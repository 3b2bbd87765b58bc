using System.Reflection;
using System.Security.Cryptography;

namespace Toolkit.Compliance.Evaluation;

/// <summary>What a report was made from: the toolkit version and the config file (name and SHA-256 of its bytes).</summary>
public sealed record Provenance(string ToolkitVersion, string ConfigFile, string ConfigSha256)
{
    /// <summary>Provenance of a config file on disk, with the running toolkit's version.</summary>
    public static Provenance ForFile(string configPath, string? toolkitVersion = null) =>
        new(toolkitVersion ?? CurrentToolkitVersion(), Path.GetFileName(configPath),
            File.Exists(configPath) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configPath))) : "");

    /// <summary>
    /// The version of the running <c>toolkit</c> (entry assembly), without the <c>+commit</c> suffix so the
    /// same release gives the same bytes.
    /// </summary>
    public static string CurrentToolkitVersion()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(Provenance).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
