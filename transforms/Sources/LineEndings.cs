namespace Toolkit.Transforms.Sources;

/// <summary>
/// Keeps a file's line endings when a recipe rewrites it. Recipes generate <c>\n</c>; a file written with
/// <c>\r\n</c> keeps <c>\r\n</c> throughout, and a file that mixes both keeps each line's own ending: lines
/// that survive the rewrite keep theirs, and new lines take the ending of the lines they replace (or of the
/// line before them), so a diff shows only the lines that really changed.
/// </summary>
public static class LineEndings
{
    // Above this many cells the line alignment is not worth it: new lines take the file's usual ending.
    private const long MaxAlignmentCells = 4_000_000;

    /// <summary><paramref name="after"/> with the line endings of <paramref name="before"/> kept line by line.</summary>
    public static string Keep(string before, string after)
    {
        if (!before.Contains('\r')) return after;
        var old = Split(before);
        var lf = old.Count(l => l.Ending == "\n");
        var crlf = old.Count(l => l.Ending == "\r\n");
        if (crlf == 0) return after;
        if (lf == 0) return after.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

        var usual = crlf >= lf ? "\r\n" : "\n";
        var lines = Split(after);
        var endings = Align(old, lines, usual);
        var builder = new System.Text.StringBuilder(after.Length + lines.Count);
        for (var i = 0; i < lines.Count; i++)
            builder.Append(lines[i].Text).Append(lines[i].Ending.Length == 0 ? "" : endings[i]);
        return builder.ToString();
    }

    private static string[] Align(IReadOnlyList<Line> old, IReadOnlyList<Line> lines, string usual)
    {
        var endings = new string?[lines.Count];
        // Common prefix and suffix first: a rewrite changes few lines, so the alignment works on a small middle.
        var prefix = 0;
        while (prefix < old.Count && prefix < lines.Count && old[prefix].Text == lines[prefix].Text) { endings[prefix] = old[prefix].Ending; prefix++; }
        var suffix = 0;
        while (suffix < old.Count - prefix && suffix < lines.Count - prefix && old[^(suffix + 1)].Text == lines[^(suffix + 1)].Text)
        {
            endings[lines.Count - 1 - suffix] = old[old.Count - 1 - suffix].Ending;
            suffix++;
        }
        var oldMiddle = old.Skip(prefix).Take(old.Count - prefix - suffix).ToList();
        var newMiddle = lines.Skip(prefix).Take(lines.Count - prefix - suffix).ToList();
        var pairs = (long)oldMiddle.Count * newMiddle.Count <= MaxAlignmentCells ? CommonLines(oldMiddle, newMiddle) : [];

        // Each run of new lines between two kept lines takes the endings of the old lines it replaces, in order
        // (the last one repeating), or of the kept line before it when it replaces nothing.
        var previousOld = -1;
        var previousNew = -1;
        foreach (var (o, n) in pairs.Append((oldMiddle.Count, newMiddle.Count)))
        {
            var replaced = oldMiddle.Skip(previousOld + 1).Take(o - previousOld - 1).Select(l => l.Ending).Where(e => e.Length > 0).ToList();
            var before = previousOld >= 0 ? oldMiddle[previousOld].Ending : prefix > 0 ? old[prefix - 1].Ending : usual;
            for (var k = previousNew + 1; k < n; k++)
                endings[prefix + k] = replaced.Count > 0 ? replaced[Math.Min(k - previousNew - 1, replaced.Count - 1)] : before.Length > 0 ? before : usual;
            if (n < newMiddle.Count) endings[prefix + n] = oldMiddle[o].Ending.Length > 0 ? oldMiddle[o].Ending : usual;
            previousOld = o;
            previousNew = n;
        }
        return endings.Select(e => e ?? usual).ToArray();
    }

    // Longest common subsequence of lines by text, as (old index, new index) pairs in order.
    private static List<(int Old, int New)> CommonLines(IReadOnlyList<Line> old, IReadOnlyList<Line> lines)
    {
        var table = new int[old.Count + 1, lines.Count + 1];
        for (var i = old.Count - 1; i >= 0; i--)
            for (var j = lines.Count - 1; j >= 0; j--)
                table[i, j] = old[i].Text == lines[j].Text ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < old.Count && j < lines.Count;)
        {
            if (old[i].Text == lines[j].Text) { pairs.Add((i, j)); i++; j++; }
            else if (table[i + 1, j] >= table[i, j + 1]) i++;
            else j++;
        }
        return pairs;
    }

    private static List<Line> Split(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            var crlf = i > start && text[i - 1] == '\r';
            lines.Add(new Line(text[start..(crlf ? i - 1 : i)], crlf ? "\r\n" : "\n"));
            start = i + 1;
        }
        if (start < text.Length) lines.Add(new Line(text[start..], ""));
        return lines;
    }

    private readonly record struct Line(string Text, string Ending);
}
