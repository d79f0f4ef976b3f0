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
            var sources = ReadRulesFiles(rulesFiles);
            return sources == null ? null : DependencyVerdict.Reach(inventory, sources, DateTime.UtcNow.Date);
        }

        /// <summary>
        /// Records in the inventory what the compiler would otherwise compute in every process: the dependency verdict and, when
        /// the project has rules files that load without problems, the effective catalog in its compiled form.
        /// </summary>
        public static void Record(ProjectInventory inventory, IEnumerable<string> rulesFiles)
        {
            var sources = ReadRulesFiles(rulesFiles);
            if (sources == null)
            {
                return;
            }

            // One load serves both: the verdict and the catalog handed over.
            var ordered = sources.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
            var catalog = RulesCatalog.Load(ordered);
            inventory.DependencyVerdict = DependencyVerdict.Reach(inventory, catalog, ordered.Select(s => s.Text), DateTime.UtcNow.Date);
            if (ordered.Count == 0 || catalog.Problems.Count > 0)
            {
                return;
            }

            try
            {
                inventory.EffectiveCatalog = new HandedOverCatalog(RulesFingerprint.OfCatalog(ordered.Select(s => s.Text)), CompiledCatalog.Write(catalog));
            }
            catch (InvalidOperationException)
            {
                // A value the compiled form cannot hold (a tab, a separator): the compiler layers the JSON itself.
            }
        }

        private static List<RulesSource>? ReadRulesFiles(IEnumerable<string> rulesFiles)
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

            return sources;
        }
    }
}
