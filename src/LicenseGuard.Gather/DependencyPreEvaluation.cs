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
    /// rules change) and records the findings as the build reports them (<see cref="DependencyVerdict"/>), so that the analyzer
    /// reports them without loading the catalog.
    /// </summary>
    public static class DependencyPreEvaluation
    {
        /// <summary>
        /// Returns the verdict on the inventory's packages under the project's rules files, or null when the inventory or a rules
        /// file has a problem or cannot be read (the analyzer then evaluates, and reports what is wrong, itself).
        /// </summary>
        public static DependencyVerdict? Reach(ProjectInventory inventory, IEnumerable<string> rulesFiles)
        {
            var sources = new List<RulesSource>();
            try
            {
                foreach (string path in rulesFiles.Where(p => RulesFingerprint.IsRulesFileName(p) && File.Exists(p)).Distinct(StringComparer.Ordinal))
                {
                    sources.Add(new RulesSource(path, File.ReadAllText(path)));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }

            return DependencyVerdict.Reach(inventory, sources, DateTime.UtcNow.Date);
        }
    }
}
