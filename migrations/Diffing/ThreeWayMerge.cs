using DiffPlex;

namespace Toolkit.Migrations.Diffing;

/// <summary>
/// Combines two swaps' edits of the same file (both made from the same original): when their changed
/// line ranges neither overlap nor touch, both are kept; otherwise it is a conflict (null), and the
/// plan marks the file for a person.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>The merged text, or null when the two edits touch the same lines.</summary>
    public static string? TryMerge(string original, string ours, string theirs)
    {
        if (ours == theirs || theirs == original) return ours;
        if (ours == original) return theirs;
        var baseLines = Split(original);
        var edits = Edits(original, baseLines, ours).Select(e => (e, Side: 0)).Concat(Edits(original, baseLines, theirs).Select(e => (e, Side: 1)))
            .OrderBy(x => x.e.Start).ThenBy(x => x.e.End).ToList();
        for (var i = 1; i < edits.Count; i++)
        {
            var (previous, current) = (edits[i - 1].e, edits[i].e);
            if (current.Start <= previous.End && edits[i].Side != edits[i - 1].Side)
            {
                if (previous == current || (previous.Start == current.Start && previous.End == current.End && previous.Lines.SequenceEqual(current.Lines))) continue;
                return null;
            }
        }
        var merged = new List<string>();
        var position = 0;
        Edit? last = null;
        foreach (var (edit, _) in edits)
        {
            if (last is { } l && l.Start == edit.Start && l.End == edit.End && l.Lines.SequenceEqual(edit.Lines)) continue; // the same edit from both sides
            merged.AddRange(baseLines.Skip(position).Take(edit.Start - position));
            merged.AddRange(edit.Lines);
            position = edit.End;
            last = edit;
        }
        merged.AddRange(baseLines.Skip(position));
        return string.Concat(merged);
    }

    private sealed record Edit(int Start, int End, IReadOnlyList<string> Lines);

    private static IEnumerable<Edit> Edits(string original, List<string> baseLines, string changed)
    {
        var changedLines = Split(changed);
        var result = new Differ().CreateCustomDiffs(original, changed, false, text => text == original ? baseLines.ToArray() : changedLines.ToArray());
        return result.DiffBlocks.Select(b => new Edit(b.DeleteStartA, b.DeleteStartA + b.DeleteCountA,
            changedLines.Skip(b.InsertStartB).Take(b.InsertCountB).ToList()));
    }

    // Lines keep their '\n', so the last line's missing newline survives the merge.
    private static List<string> Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) { lines.Add(text[start..]); break; }
            lines.Add(text[start..(end + 1)]);
            start = end + 1;
        }
        return lines;
    }
}
