using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Toolkit.Stacks.Schemas;

/// <summary>
/// A schema's <c>resources</c> or <c>types</c> map, read on demand: the names are indexed on first use and
/// each entry is turned into <typeparamref name="T"/> the first time it is looked up. A whole provider schema
/// has thousands of entries and a program uses a few dozen, so loading stays in milliseconds.
/// </summary>
internal sealed class LazySchemaTable<T>(JsonElement map, Func<string, JsonElement, T> read) : IReadOnlyDictionary<string, T>
    where T : class
{
    private readonly Lazy<Dictionary<string, JsonElement>> _index = new(() => Index(map));
    private readonly ConcurrentDictionary<string, T> _read = new(StringComparer.Ordinal);

    public int Count => _index.Value.Count;

    public IEnumerable<string> Keys => _index.Value.Keys;

    public IEnumerable<T> Values => Keys.Select(k => this[k]);

    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => _index.Value.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        if (_read.TryGetValue(key, out value)) return true;
        if (!_index.Value.TryGetValue(key, out var element)) return false;
        value = _read.GetOrAdd(key, k => read(k, element));
        return true;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => Keys.Select(k => KeyValuePair.Create(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static Dictionary<string, JsonElement> Index(JsonElement map)
    {
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (map.ValueKind == JsonValueKind.Object)
            foreach (var entry in map.EnumerateObject()) index[entry.Name] = entry.Value;
        return index;
    }
}
