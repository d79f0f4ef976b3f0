namespace LicenseGuard.Matching
{
    /// <summary>Case-insensitive matching of patterns where <c>*</c> stands for any run of characters.</summary>
    public static class Glob
    {
        /// <summary>Returns whether <paramref name="value"/> matches <paramref name="pattern"/> as a whole.</summary>
        public static bool IsMatch(string pattern, string value)
        {
            int p = 0, v = 0, star = -1, mark = 0;
            while (v < value.Length)
            {
                if (p < pattern.Length && pattern[p] != '*' && char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(value[v]))
                {
                    p++;
                    v++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    mark = v;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    v = ++mark;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }
}
