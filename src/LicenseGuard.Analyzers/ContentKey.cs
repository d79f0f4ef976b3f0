using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Analyzers
{
    /// <summary>
    /// The cache key of an additional file's content: its path and its whole text. Exact, and far cheaper than
    /// <see cref="SourceText.GetChecksum"/>, whose first call in a compiler process initialises the platform's cryptography
    /// (tens of milliseconds in a fresh process) for a file of a few kilobytes.
    /// </summary>
    internal static class ContentKey
    {
        public static string Of(string path, SourceText text) => path + "\u0000" + text.ToString();
    }
}
