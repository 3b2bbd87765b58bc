namespace Toolkit.Transforms.Rewriters;

/// <summary>
/// An Npgsql connection string as ordered <c>Key=Value</c> pairs, so a rewrite changes only the
/// settings it must and keeps the others in place. Quoted values are not parsed (null).
/// </summary>
public sealed record NpgsqlConnectionString(IReadOnlyList<KeyValuePair<string, string>> Pairs)
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Server"] = "Host", ["Host"] = "Host", ["Port"] = "Port", ["Database"] = "Database", ["DB"] = "Database",
        ["Username"] = "Username", ["User Name"] = "Username", ["User Id"] = "Username", ["UserId"] = "Username", ["User"] = "Username",
        ["Password"] = "Password", ["PWD"] = "Password", ["SSL Mode"] = "SSL Mode", ["SslMode"] = "SSL Mode",
        ["Channel Binding"] = "Channel Binding", ["ChannelBinding"] = "Channel Binding",
    };

    /// <summary>Parses <paramref name="text"/>, or returns null when it is not a simple key=value list.</summary>
    public static NpgsqlConnectionString? TryParse(string text)
    {
        if (text.Contains('"') || text.Contains('\'')) return null;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) return null;
            pairs.Add(new(part[..equals].Trim(), part[(equals + 1)..].Trim()));
        }
        return pairs.Count == 0 ? null : new NpgsqlConnectionString(pairs);
    }

    /// <summary>The value of a setting under any of its aliases.</summary>
    public string? Get(string canonical) => Pairs.FirstOrDefault(p => Canonical(p.Key) == canonical).Value;

    /// <summary>Sets a setting in place (keeping the spelling of its key), or appends it.</summary>
    public NpgsqlConnectionString Set(string canonical, string value) =>
        Pairs.Any(p => Canonical(p.Key) == canonical)
            ? new(Pairs.Select(p => Canonical(p.Key) == canonical ? new KeyValuePair<string, string>(p.Key, value) : p).ToList())
            : new(Pairs.Append(new(canonical, value)).ToList());

    /// <summary>Removes a setting.</summary>
    public NpgsqlConnectionString Remove(string canonical) => new(Pairs.Where(p => Canonical(p.Key) != canonical).ToList());

    /// <inheritdoc/>
    public override string ToString() => string.Join(";", Pairs.Select(p => $"{p.Key}={p.Value}"));

    private static string Canonical(string key) => Aliases.TryGetValue(key, out var canonical) ? canonical : key;
}
