using System.Text;
using DiffPlex;

namespace Toolkit.Migrations.Diffing;

/// <summary>
/// Unified diffs in git's format (<c>diff --git</c> header, <c>new file mode</c>/<c>deleted file mode</c>,
/// three lines of context, <c>\ No newline at end of file</c>), computed with DiffPlex line diffs, so
/// the concatenation of a plan's diffs is a patch <c>git apply</c> accepts.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff turning <paramref name="before"/> into <paramref name="after"/> (null = file absent) for <paramref name="path"/> (<c>/</c>-separated).</summary>
    public static string Create(string path, string? before, string? after)
    {
        var text = new StringBuilder();
        text.Append("diff --git a/").Append(path).Append(" b/").Append(path).Append('\n');
        if (before is null) text.Append("new file mode 100644\n");
        if (after is null) text.Append("deleted file mode 100644\n");
        if ((before ?? "") == (after ?? "")) return text.ToString();
        text.Append(before is null ? "--- /dev/null\n" : $"--- a/{path}\n");
        text.Append(after is null ? "+++ /dev/null\n" : $"+++ b/{path}\n");

        var oldLines = Lines.Split(before ?? "");
        var newLines = Lines.Split(after ?? "");
        // Chunks carry the missing-newline flag, so a change of only that shows as a change.
        var oldText = before ?? "";
        var result = new Differ().CreateCustomDiffs(oldText, after ?? "", false,
            text => (text == oldText ? oldLines : newLines).Select(l => l.HasNewline ? l.Text + "\n" : l.Text).ToArray());
        var blocks = result.DiffBlocks;

        var i = 0;
        while (i < blocks.Count)
        {
            // Group blocks whose unchanged gap is small enough to share context.
            var j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * Context) j++;
            var oldStart = Math.Max(0, blocks[i].DeleteStartA - Context);
            var oldEnd = Math.Min(oldLines.Count, blocks[j].DeleteStartA + blocks[j].DeleteCountA + Context);
            var newStart = blocks[i].InsertStartB - (blocks[i].DeleteStartA - oldStart);
            var newEnd = newStart + (oldEnd - oldStart) + Enumerable.Range(i, j - i + 1).Sum(k => blocks[k].InsertCountB - blocks[k].DeleteCountA);

            var oldCount = oldEnd - oldStart;
            var newCount = newEnd - newStart;
            text.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");

            var a = oldStart;
            for (var k = i; k <= j; k++)
            {
                for (; a < blocks[k].DeleteStartA; a++) AppendLine(text, ' ', oldLines[a]);
                for (var d = 0; d < blocks[k].DeleteCountA; d++, a++) AppendLine(text, '-', oldLines[a]);
                for (var n = 0; n < blocks[k].InsertCountB; n++) AppendLine(text, '+', newLines[blocks[k].InsertStartB + n]);
            }
            for (; a < oldEnd; a++) AppendLine(text, ' ', oldLines[a]);
            i = j + 1;
        }
        return text.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : $"{start + 1},{count}";

    private static void AppendLine(StringBuilder text, char marker, Line line)
    {
        text.Append(marker).Append(line.Text).Append('\n');
        if (!line.HasNewline) text.Append("\\ No newline at end of file\n");
    }

    private readonly record struct Line(string Text, bool HasNewline);

    private static class Lines
    {
        // A line is its text plus whether a '\n' ended it ('\r' stays in the text, as git sees it).
        public static List<Line> Split(string content)
        {
            var lines = new List<Line>();
            var start = 0;
            while (start < content.Length)
            {
                var end = content.IndexOf('\n', start);
                if (end < 0) { lines.Add(new Line(content[start..], false)); break; }
                lines.Add(new Line(content[start..end], true));
                start = end + 1;
            }
            return lines;
        }
    }
}
