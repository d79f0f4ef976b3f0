using System.Globalization;
using LicenseGuard.Inventory;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>Records what a package's licence file is, as facts for the inventory; the evaluator judges them.</summary>
    public static class LicenseFileFacts
    {
        /// <summary>
        /// Returns whether a file at a package's root is its licence text: LICENSE or LICENCE, with no extension, .txt or .md, in
        /// any case (what a package that declares only a URL, or nothing, ships, such as the System.* 4.x packages' LICENSE.TXT).
        /// </summary>
        public static bool IsRootLicenseFile(string fileName)
        {
            string stem = System.IO.Path.GetFileNameWithoutExtension(fileName);
            string extension = System.IO.Path.GetExtension(fileName);
            return (stem.Equals("LICENSE", System.StringComparison.OrdinalIgnoreCase) || stem.Equals("LICENCE", System.StringComparison.OrdinalIgnoreCase))
                && (extension.Length == 0 || extension.Equals(".txt", System.StringComparison.OrdinalIgnoreCase) || extension.Equals(".md", System.StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Matches the text against the SPDX License List and records the result on the declared licence.</summary>
        public static void Record(DeclaredLicense license, string text)
        {
            var match = LicenseTextMatcher.Match(text);
            license.DetectedInFile = match.Id;
            license.MatchScore = match.Best == null ? null : match.Score.ToString("0.000", CultureInfo.InvariantCulture);
            license.NearestInFile = match.Id == null ? match.Best : null;
            license.FileTitle = match.Title;
            license.EditedWords = match.EditedWords?.ToString(CultureInfo.InvariantCulture);
            license.FileSections.Clear();
            license.NoticeUrls.Clear();
            if (match.Id == null)
            {
                var (sections, noticeUrls) = LicenseChoice.Read(text);
                license.FileSections.AddRange(sections);
                license.NoticeUrls.AddRange(noticeUrls);
            }
        }
    }
}
