namespace Toolkit.Transforms.Sources;

/// <summary>Line numbers for character positions, for manual steps.</summary>
public static class TextLines
{
    /// <summary>The 1-based line holding <paramref name="index"/>.</summary>
    public static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
            if (text[i] == '\n') line++;
        return line;
    }
}
