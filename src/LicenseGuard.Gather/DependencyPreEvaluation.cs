using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather
{
    /// <summary>
    /// Evaluates the dependencies once in the gather step (long-lived MSBuild nodes, and only when the restore output or the
    /// rules change), so that a compilation whose packages have nothing to report needs no catalog: the inventory records the
    /// <see cref="RulesFingerprint"/> of that evaluation, and the analyzer compares it with its own.
    /// </summary>
    public static class DependencyPreEvaluation
    {
        /// <summary>
        /// Returns the fingerprint under which the packages have nothing to report, or null when they have something (or the
        /// inventory or a rules file has a problem, which the build reports in full).
        /// </summary>
        public static string? NothingToReportUnder(ProjectInventory inventory, IEnumerable<string> rulesFiles)
        {
            if (inventory.Problems.Count > 0)
            {
                return null;
            }

            var sources = new List<RulesSource>();
            try
            {
                foreach (string path in rulesFiles.Where(p => RulesFingerprint.IsRulesFileName(p) && File.Exists(p)).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal))
                {
                    sources.Add(new RulesSource(path, File.ReadAllText(path)));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null; // the analyzer reads the rules files itself and reports what is wrong; the inventory is still written
            }

            var catalog = sources.Count == 0 ? RulesCatalog.BuiltIn : RulesCatalog.Load(sources);
            if (catalog.Problems.Count > 0)
            {
                return null;
            }

            var today = DateTime.UtcNow.Date;
            var findings = DependencyEvaluator.Evaluate(inventory.Packages, catalog, today, inventory.Redistributes, inventory.BaselinePackages);
            return findings.Count == 0 ? RulesFingerprint.Of(sources.Select(s => s.Text), today) : null;
        }
    }
}
