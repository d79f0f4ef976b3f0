using System;
using System.Collections.Generic;
using System.Globalization;

namespace LicenseGuard.Policy
{
    /// <summary>
    /// Names the inputs of a dependency evaluation besides the inventory: the rules files' texts in layering order, the day
    /// (exceptions expire) and this build of LicenseGuard (its built-in catalog). The gather step records the fingerprint when
    /// its evaluation found nothing to report; the analyzer that computes the same fingerprint from its additional files then
    /// knows there is nothing to report without loading the catalog. Any difference (an edited rules file, another day, another
    /// LicenseGuard) only means the analyzer evaluates again.
    /// </summary>
    public static class RulesFingerprint
    {
        private static readonly string Build = typeof(RulesFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString("N");

        /// <summary>Returns whether a file name is a LicenseGuard rules file: <c>licenseguard*.json</c>, except the files LicenseGuard writes.</summary>
        public static bool IsRulesFileName(string path)
        {
            string name = System.IO.Path.GetFileName(path);
            return name.StartsWith("licenseguard", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                && !name.Equals(Inventory.ProjectInventory.FileName, StringComparison.OrdinalIgnoreCase)
                && !name.Equals("licenseguard.baseline.json", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Computes the fingerprint (64-bit FNV-1a, hex) of rules texts given in layering order (by path, ordinal).</summary>
        public static string Of(IEnumerable<string> rulesTexts, DateTime day) =>
            Hash(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rulesTexts);

        /// <summary>Computes the fingerprint of an effective catalog: this build and the rules texts in layering order (no day).</summary>
        public static string OfCatalog(IEnumerable<string> rulesTexts) => Hash("effective catalog", rulesTexts);

        private static string Hash(string what, IEnumerable<string> rulesTexts)
        {
            ulong hash = 14695981039346656037UL;
            Add(ref hash, Build);
            Add(ref hash, what);
            foreach (string text in rulesTexts)
            {
                Add(ref hash, text.Length.ToString(CultureInfo.InvariantCulture));
                Add(ref hash, text);
            }

            return hash.ToString("x16", CultureInfo.InvariantCulture);
        }

        private static void Add(ref ulong hash, string value)
        {
            foreach (char c in value)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ 0xFFFF) * 1099511628211UL;
        }
    }
}
