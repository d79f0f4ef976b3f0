using System.Text;

namespace LicenseGuard.Cli.Migration;

/// <summary>A unified diff of two texts by lines (longest common subsequence; the files a migration touches are small).</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/> under <paramref name="name"/>, or empty when equal.</summary>
    public static string Of(string name, string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return string.Empty;
        }

        var text = new StringBuilder().Append("--- a/").Append(name).Append('\n').Append("+++ b/").Append(name).Append('\n');
        int i = 0;
        while (i < edits.Count)
        {
            int change = edits.FindIndex(i, e => e.Kind != ' ');
            if (change < 0)
            {
                break;
            }

            int start = Math.Max(i, change - Context);
            int end = change;
            for (int k = change; k < edits.Count; k++)
            {
                if (edits[k].Kind != ' ')
                {
                    end = k;
                }
                else if (k - end > 2 * Context)
                {
                    break;
                }
            }

            end = Math.Min(edits.Count - 1, end + Context);
            var hunk = edits.GetRange(start, end - start + 1);
            int oldStart = edits.Take(start).Count(e => e.Kind != '+') + 1;
            int newStart = edits.Take(start).Count(e => e.Kind != '-') + 1;
            text.Append($"@@ -{oldStart},{hunk.Count(e => e.Kind != '+')} +{newStart},{hunk.Count(e => e.Kind != '-')} @@\n");
            foreach (var edit in hunk)
            {
                text.Append(edit.Kind).Append(edit.Line).Append('\n');
            }

            i = end + 1;
        }

        return text.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    private static List<(char Kind, string Line)> Edits(string[] a, string[] b)
    {
        var common = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add((' ', a[x++]));
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(('-', a[x++]));
            }
            else
            {
                edits.Add(('+', b[y++]));
            }
        }

        return edits;
    }
}
