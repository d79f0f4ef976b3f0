using System.Globalization;
using LicenseGuard.Inventory;

namespace LicenseGuard.Gather.Licensing
{
    /// <summary>Records what a package's licence file is, as facts for the inventory; the evaluator judges them.</summary>
    public static class LicenseFileFacts
    {
        /// <summary>Matches the text against the SPDX License List and records the result on the declared licence.</summary>
        public static void Record(DeclaredLicense license, string text)
        {
            var match = LicenseTextMatcher.Match(text);
            license.DetectedInFile = match.Id;
            license.MatchScore = match.Best == null ? null : match.Score.ToString("0.000", CultureInfo.InvariantCulture);
            license.NearestInFile = match.Id == null ? match.Best : null;
            license.FileTitle = match.Title;
        }
    }
}
