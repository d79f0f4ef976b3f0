using System;
using System.Collections.Generic;
using System.Linq;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Licensing;
using LicenseGuard.Matching;

namespace LicenseGuard.Policy
{
    /// <summary>A package a policy exception accepts, with the findings the exception silences.</summary>
    public sealed class AcceptedPackage
    {
        internal AcceptedPackage(PackageFact package, PolicyException exception, IReadOnlyList<DependencyFinding> silenced)
        {
            Package = package;
            Exception = exception;
            Silenced = silenced;
        }

        /// <summary>Gets the package.</summary>
        public PackageFact Package { get; }

        /// <summary>Gets the exception that accepts it.</summary>
        public PolicyException Exception { get; }

        /// <summary>Gets the findings the exception silences.</summary>
        public IReadOnlyList<DependencyFinding> Silenced { get; }
    }

    /// <summary>One verdict about a dependency or a policy entry.</summary>
    public sealed class DependencyFinding
    {
        /// <summary>Gets the diagnostic id (LG3001–LG3004).</summary>
        public string RuleId { get; internal set; } = string.Empty;

        /// <summary>Gets how serious the policy says it is.</summary>
        public PolicyAction Action { get; internal set; }

        /// <summary>Gets the package, for LG3001–LG3003.</summary>
        public PackageFact? Package { get; internal set; }

        /// <summary>Gets the licence expression (or what was found instead).</summary>
        public string License { get; internal set; } = string.Empty;

        /// <summary>Gets the licence class that decided.</summary>
        public string LicenseClass { get; internal set; } = LicenseClasses.Unknown;

        /// <summary>Gets the policy rule that decided, e.g. <c>classes.weak-copyleft = warn</c>.</summary>
        public string Rule { get; internal set; } = string.Empty;

        /// <summary>Gets where the licence fact came from, or why it is unknown.</summary>
        public string Origin { get; internal set; } = string.Empty;

        /// <summary>Gets the proprietary service, for LG3003.</summary>
        public ServiceEntry? Service { get; internal set; }

        /// <summary>Gets the model the catalog says a package bundles (LG2003), if it knows.</summary>
        public ModelEntry? Model { get; internal set; }

        /// <summary>Gets the policy exception, for LG3004.</summary>
        public PolicyException? Exception { get; internal set; }

        /// <summary>Gets "Id Version via A 1.0 → B 2.0" for packages.</summary>
        public string Subject => Package == null ? string.Empty : Package.Path.Count == 0 ? Package.Display : Package.Display + " via " + string.Join(" → ", Package.Path);
    }

    /// <summary>Judges a project's inventory against the catalog and the licence policy. Used by the analyzer and the CLI alike.</summary>
    public static class DependencyEvaluator
    {
        /// <summary>Diagnostic id: licence not allowed.</summary>
        public const string LicenseNotAllowed = "LG3001";

        /// <summary>Diagnostic id: licence unknown.</summary>
        public const string LicenseUnknown = "LG3002";

        /// <summary>Diagnostic id: package is a proprietary AI SDK.</summary>
        public const string ProprietaryAiPackage = "LG3003";

        /// <summary>Diagnostic id: a package carries model weights and the project redistributes it.</summary>
        public const string PackageCarriesWeights = "LG2003";

        /// <summary>Diagnostic id: policy exception unused or expired.</summary>
        public const string ExceptionUnusedOrExpired = "LG3004";

        /// <summary>Diagnostic id: a package's licence class is not the one the baseline recorded.</summary>
        public const string LicenseChanged = "LG3005";

        /// <summary>
        /// Evaluates every package; <paramref name="today"/> decides which exceptions have expired. The packages an exception
        /// accepts are added to <paramref name="accepted"/> with the findings it silences, for reports that must say so.
        /// </summary>
        public static IReadOnlyList<DependencyFinding> Evaluate(IEnumerable<PackageFact> packages, RulesCatalog catalog, DateTime today, bool redistributes = false, IReadOnlyList<Baselines.BaselinePackage>? baseline = null, ICollection<AcceptedPackage>? accepted = null)
        {
            var policy = catalog.Policy;
            var recorded = new Dictionary<string, Baselines.BaselinePackage>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in baseline ?? Array.Empty<Baselines.BaselinePackage>())
            {
                recorded[entry.Id] = entry;
            }

            var findings = new List<DependencyFinding>();
            var used = new HashSet<PolicyException>();
            foreach (var package in packages)
            {
                if (policy.Ignore.Any(pattern => Glob.IsMatch(pattern, package.Id)) || (package.Development && !policy.IncludeDevelopmentDependencies))
                {
                    continue;
                }

                var packageFindings = Judge(package, catalog).ToList();
                if (recorded.TryGetValue(package.Id, out var before) && JudgeChange(package, before, catalog) is { } change)
                {
                    packageFindings.Add(change);
                }

                if (redistributes)
                {
                    packageFindings.AddRange(JudgeWeights(package, catalog));
                }

                var exception = FindException(policy, package, today);
                if (exception != null && packageFindings.Count > 0)
                {
                    used.Add(exception);
                    accepted?.Add(new AcceptedPackage(package, exception, packageFindings));
                    continue;
                }

                findings.AddRange(packageFindings);
            }

            foreach (var exception in policy.Exceptions.Where(e => e.File == null))
            {
                bool expired = exception.Expires.HasValue && exception.Expires.Value.Date < today.Date;
                if (expired || !used.Contains(exception))
                {
                    findings.Add(new DependencyFinding
                    {
                        RuleId = ExceptionUnusedOrExpired,
                        Action = PolicyAction.Warn,
                        Exception = exception,
                        Origin = expired
                            ? $"expired on {exception.Expires!.Value:yyyy-MM-dd}"
                            : "silences nothing: no package in this project matches it with a finding",
                    });
                }
            }

            return findings;
        }

        /// <summary>
        /// The licence and class of a package as reports and baselines show them: the expression, and the class of each of its
        /// terms joined by " / " (<c>LGPL-3.0-or-later OR LicenseRef-hangfire-commercial</c> is "weak-copyleft / proprietary").
        /// </summary>
        public static (string License, string Class, string Origin) Describe(PackageFact package, RulesCatalog catalog)
        {
            var (expression, origin) = ResolveLicense(package, catalog);
            return expression == null
                ? ("unknown", LicenseClasses.Unknown, origin)
                : (expression.ToDisplayString(), string.Join(" / ", expression.Terms.Select(t => ClassOf(t, catalog)).Distinct()), origin);
        }

        /// <summary>LG3005: the licence class differs from the one the baseline recorded (an upgrade that changed the licence).</summary>
        private static DependencyFinding? JudgeChange(PackageFact package, Baselines.BaselinePackage before, RulesCatalog catalog)
        {
            var (license, licenseClass, origin) = Describe(package, catalog);
            if (string.Equals(licenseClass, before.Class, StringComparison.Ordinal))
            {
                return null;
            }

            return new DependencyFinding
            {
                RuleId = LicenseChanged,
                Action = PolicyAction.Warn,
                Package = package,
                License = license,
                LicenseClass = licenseClass,
                Origin = $"the baseline recorded {before.Id} {before.Version} as {before.License} ({before.Class}); licence from {origin}",
            };
        }

        /// <summary>Resolves a package's licence expression and where it came from; null expression when unknown.</summary>
        public static (LicenseExpression? Expression, string Origin) ResolveLicense(PackageFact package, RulesCatalog catalog)
        {
            // Precedence: the user's clarification (the last file layered wins), then the package's own licence expression,
            // then the catalog's fact for the package and version, then the licence file, URL or nothing the package declares.
            var clarification = catalog.Policy.Clarifications.LastOrDefault(c => !c.BuiltIn && Matches(c.Package, c.Version, package));
            if (clarification != null)
            {
                return (LicenseExpression.Parse(clarification.License), $"clarified in {System.IO.Path.GetFileName(clarification.DeclaredAt.Path)}: {clarification.Reason}");
            }

            var declared = package.License;
            LicenseExpression? parsed = null;
            string? error = null;
            if (declared.Source == LicenseSource.Expression && LicenseExpression.TryParse(declared.Value ?? string.Empty, out parsed, out error))
            {
                return (parsed, "nuspec licence expression");
            }

            var fact = catalog.Policy.Clarifications.LastOrDefault(c => c.BuiltIn && Matches(c.Package, c.Version, package));
            if (fact != null)
            {
                return (LicenseExpression.Parse(fact.License), $"catalog fact for {package.Id} {fact.Version}: {fact.Reason}");
            }

            switch (declared.Source)
            {
                case LicenseSource.Expression:
                    return (null, $"invalid licence expression '{declared.Value}': {error}");
                case LicenseSource.File:
                    return FromFile(declared, declared.Value, catalog);
                case LicenseSource.Url:
                    var fromUrl = FromUrl(declared.Value ?? string.Empty, catalog);
                    return fromUrl.Expression == null && declared.PackageFile != null ? FromPackageFile(declared, catalog, fromUrl.Origin) : fromUrl;
                default:
                    return declared.PackageFile != null ? FromPackageFile(declared, catalog, "no licence declared") : (null, "no licence declared");
            }
        }

        /// <summary>
        /// A licence file is what the catalog says its title is (a licence not on the SPDX list, such as a vendor's split or
        /// commercial licence, named by the file's whole first line), else the SPDX licence whose whole text it matches,
        /// else unknown: never a keyword inside the text.
        /// </summary>
        private static (LicenseExpression? Expression, string Origin) FromFile(DeclaredLicense declared, string? file, RulesCatalog catalog)
        {
            var titled = catalog.FindLicenseByTitle(declared.FileTitle);
            if (titled != null)
            {
                return (LicenseExpression.Parse(titled.Id), $"licence file '{file}' is titled \"{declared.FileTitle}\", catalogued as {titled.Id}");
            }

            if (declared.DetectedInFile != null)
            {
                return (LicenseExpression.Parse(declared.DetectedInFile), declared.EditedWords == null
                    ? $"licence file '{file}' matches the SPDX text of {declared.DetectedInFile}{Percent(declared.MatchScore)}"
                    : $"licence file '{file}' is the SPDX text of {declared.DetectedInFile} with its replaceable text edited ({declared.EditedWords} words: holders' names, a title, a credit; nothing that grants or restricts)");
            }

            var notice = FromNotice(declared.NoticeUrls, file, catalog);
            if (declared.FileSections.Count >= 1)
            {
                return FromOfferedChoice(declared.FileSections, file, catalog, notice);
            }

            if (notice.Expression != null || declared.NoticeUrls.Count > 0)
            {
                return notice;
            }

            var vendorTerms = catalog.FindLicenseByTitlePattern(declared.FileTitle);
            if (vendorTerms != null)
            {
                return (LicenseExpression.Parse(vendorTerms.Id), $"licence file '{file}' is titled \"{declared.FileTitle}\", vendor terms by the catalog's title patterns: {vendorTerms.Id}");
            }

            return (null, $"licence file '{file}' not recognised" + (declared.NearestInFile != null
                ? $" (closest SPDX text: {declared.NearestInFile}{Percent(declared.MatchScore)}, not the same licence)"
                : string.Empty));
        }

        /// <summary>
        /// A file that offers a choice of licences in sections ("multi-licensed under the licences listed in this file"), as
        /// Hangfire's LICENSE.md does: the OR of the licences its section headings name, when every heading names a catalogued
        /// licence (a heading, never a word in a section's text); otherwise unknown, naming the heading that is not known.
        /// </summary>
        private static (LicenseExpression? Expression, string Origin) FromOfferedChoice(IReadOnlyList<string> headings, string? file, RulesCatalog catalog,
            (LicenseExpression? Expression, string Origin) notice)
        {
            string quoted = string.Join(", ", headings.Select(h => $"\"{h}\""));
            var offered = new List<string>();
            if (notice.Expression != null)
            {
                offered.AddRange(notice.Expression.Terms.Select(t => t.ToDisplayString()));
                quoted = $"{quoted}, in addition to the {notice.Expression.ToDisplayString()} its opening names by URL";
            }
            else if (headings.Count < 2)
            {
                return (null, $"licence file '{file}' has the section {quoted} and an opening LicenseGuard does not recognise");
            }

            foreach (string heading in headings)
            {
                var license = catalog.FindLicenseByHeading(heading);
                if (license == null)
                {
                    return (null, $"licence file '{file}' offers a choice of licences in sections {quoted}, and \"{heading}\" is not a licence LicenseGuard knows");
                }

                if (!offered.Contains(license.Id, StringComparer.OrdinalIgnoreCase))
                {
                    offered.Add(license.Id);
                }
            }

            string expression = string.Join(" OR ", offered);
            return (LicenseExpression.Parse(expression), $"licence file '{file}' offers a choice of licences in sections {quoted}: {expression}");
        }

        /// <summary>
        /// A short notice in place of a licence text ("licensed under a Creative Commons Attributeion 4.0 International License,
        /// http://creativecommons.org/licenses/by/4.0/"): the licence its URLs name, when each URL is one LicenseGuard knows
        /// and all name the same licence. Never the name in the notice's words, which may be misspelt or loose.
        /// </summary>
        private static (LicenseExpression? Expression, string Origin) FromNotice(IReadOnlyList<string> urls, string? file, RulesCatalog catalog)
        {
            if (urls.Count == 0)
            {
                return (null, $"licence file '{file}' not recognised");
            }

            var named = urls.Select(url => catalog.FindLicenseByUrl(url)).ToList();
            int unknown = named.FindIndex(l => l == null);
            if (unknown >= 0)
            {
                return (null, $"licence file '{file}' is a notice pointing at {urls[unknown]}, which is not a licence URL LicenseGuard knows");
            }

            var ids = named.Select(l => l!.Id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return ids.Count == 1
                ? (LicenseExpression.Parse(ids[0]), $"licence file '{file}' is a notice naming {ids[0]} by its URL {urls[0]}")
                : (null, $"licence file '{file}' is a notice pointing at several licences ({string.Join(", ", ids)})");
        }

        /// <summary>
        /// The licence file at the package's root, for a package whose licence URL LicenseGuard does not know, or that declares
        /// none: the text shipped in that very version (a URL such as github.com/dotnet/corefx/blob/master/LICENSE.TXT points at
        /// a branch that may have changed since). Judged like a declared licence file: its catalogued title or its whole SPDX text.
        /// </summary>
        private static (LicenseExpression? Expression, string Origin) FromPackageFile(DeclaredLicense declared, RulesCatalog catalog, string declaredOrigin)
        {
            var fromFile = FromFile(declared, declared.PackageFile, catalog);
            return (fromFile.Expression, declaredOrigin + "; the package's own " + fromFile.Origin);
        }

        private static string Percent(string? score) =>
            double.TryParse(score, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                ? " (" + (value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %)"
                : string.Empty;

        private static (LicenseExpression? Expression, string Origin) FromUrl(string url, RulesCatalog catalog)
        {
            string normalized = RulesCatalog.NormalizeUrl(url);
            const string nugetLicenses = "licenses.nuget.org/";
            if (normalized.StartsWith(nugetLicenses, StringComparison.Ordinal))
            {
                string expression = Uri.UnescapeDataString(url.Trim().TrimEnd('/').Substring(url.IndexOf(nugetLicenses, StringComparison.OrdinalIgnoreCase) + nugetLicenses.Length));
                if (LicenseExpression.TryParse(expression, out var parsed, out _))
                {
                    return (parsed, "licenseUrl on licenses.nuget.org");
                }
            }

            if (normalized == "aka.ms/deprecatelicenseurl")
            {
                return (null, "licenseUrl is NuGet's placeholder (aka.ms/deprecateLicenseUrl) and no licence element was read");
            }

            var license = catalog.FindLicenseByUrl(url);
            return license != null
                ? (LicenseExpression.Parse(license.Id), $"licenseUrl {url} maps to {license.Id}")
                : (null, $"licenseUrl {url} is not a licence URL LicenseGuard knows");
        }

        private static IEnumerable<DependencyFinding> Judge(PackageFact package, RulesCatalog catalog)
        {
            var service = catalog.FindServiceByPackage(package.Id);
            if (service != null)
            {
                yield return new DependencyFinding { RuleId = ProprietaryAiPackage, Action = PolicyAction.Warn, Package = package, Service = service, License = service.License, LicenseClass = catalog.ClassOf(service.License) };
            }

            var (expression, origin) = ResolveLicense(package, catalog);
            if (expression == null)
            {
                var action = catalog.Policy.Classes.TryGetValue(LicenseClasses.Unknown, out var a) ? a : PolicyAction.Warn;
                if (action != PolicyAction.Allow)
                {
                    yield return new DependencyFinding
                    {
                        RuleId = LicenseUnknown, Action = action, Package = package, Origin = origin, License = package.License.Value ?? "none",
                        Rule = $"classes.{LicenseClasses.Unknown} = {LicensePolicy.NameOf(action)}",
                    };
                }

                yield break;
            }

            var verdict = expression.Evaluate(
                term => JudgeTerm(term, catalog),
                (x, y) => x.Action <= y.Action ? x : y,
                (x, y) => x.Action >= y.Action ? x : y);
            if (verdict.Action != PolicyAction.Allow)
            {
                yield return new DependencyFinding
                {
                    RuleId = LicenseNotAllowed, Action = verdict.Action, Package = package, License = expression.ToDisplayString(),
                    LicenseClass = verdict.Class, Rule = verdict.Rule, Origin = origin,
                };
            }
        }

        /// <summary>LG2003: weights inside the package (found while gathering, or known to the catalog), with their licence.</summary>
        private static IEnumerable<DependencyFinding> JudgeWeights(PackageFact package, RulesCatalog catalog)
        {
            var model = catalog.Models.FirstOrDefault(m => m.Packages.Any(pattern => Glob.IsMatch(pattern, package.Id)));
            if (model == null && package.WeightFiles.Count == 0)
            {
                yield break;
            }

            string license = model?.License ?? "unknown";
            string licenseClass = model == null ? LicenseClasses.Unknown : catalog.ClassOf(model.License);
            yield return new DependencyFinding
            {
                RuleId = PackageCarriesWeights,
                Model = model,
                Action = licenseClass == LicenseClasses.Proprietary || licenseClass == LicenseClasses.NonCommercial ? PolicyAction.Deny : PolicyAction.Warn,
                Package = package,
                License = license,
                LicenseClass = licenseClass,
                Origin = model != null
                    ? $"the catalog lists it as bundling {model.Name}" + (package.WeightFiles.Count > 0 ? $" ({string.Join(", ", package.WeightFiles.Take(3))})" : string.Empty)
                    : $"it contains {string.Join(", ", package.WeightFiles.Take(3))}{(package.WeightFiles.Count > 3 ? $" and {package.WeightFiles.Count - 3} more" : string.Empty)}",
            };
        }

        /// <summary>
        /// The class of one licence, with its exception (<c>GPL-2.0-only WITH Classpath-exception-2.0</c>): an exception can only
        /// relax the licence it is applied to, to the class the catalog gives the exception (Classpath: weak-copyleft, LLVM:
        /// permissive, Universal FOSS: strong-copyleft, which relaxes nothing for proprietary code), never make it stricter; an
        /// exception the catalog does not know leaves the licence's own class, and an unknown licence stays unknown.
        /// </summary>
        public static string ClassOf(LicenseTerm term, RulesCatalog catalog)
        {
            string baseClass = catalog.ClassOf(term.Id);
            if (term.Exception == null || baseClass == LicenseClasses.Unknown || catalog.FindLicense(term.Exception) == null)
            {
                return baseClass;
            }

            string exceptionClass = catalog.ClassOf(term.Exception);
            int baseRank = Array.IndexOf(Restrictiveness, baseClass);
            int exceptionRank = Array.IndexOf(Restrictiveness, exceptionClass);
            return baseRank < 0 || exceptionRank < 0 || exceptionRank >= baseRank ? baseClass : exceptionClass;
        }

        private static readonly string[] Restrictiveness =
        {
            LicenseClasses.Permissive, LicenseClasses.WeakCopyleft, LicenseClasses.StrongCopyleft, LicenseClasses.NetworkCopyleft,
            LicenseClasses.OpenWeightsRestricted, LicenseClasses.NonCommercial, LicenseClasses.Proprietary,
        };

        private static (PolicyAction Action, string Class, string Rule) JudgeTerm(LicenseTerm term, RulesCatalog catalog)
        {
            var policy = catalog.Policy;
            string licenseClass = ClassOf(term, catalog);
            foreach (var key in new[] { term.ToString(), term.Id, term.BaseId })
            {
                if (policy.Licenses.TryGetValue(key, out var byLicense))
                {
                    return (byLicense, licenseClass, $"licenses.{key} = {LicensePolicy.NameOf(byLicense)}");
                }
            }

            var byClass = policy.Classes.TryGetValue(licenseClass, out var action) ? action : PolicyAction.Warn;
            return (byClass, licenseClass, $"classes.{licenseClass} = {LicensePolicy.NameOf(byClass)}");
        }

        private static PolicyException? FindException(LicensePolicy policy, PackageFact package, DateTime today) =>
            policy.Exceptions.FirstOrDefault(e => e.File == null && Matches(e.Package, e.Version, package) && !(e.Expires.HasValue && e.Expires.Value.Date < today.Date));

        private static bool Matches(string pattern, PackageVersionRange range, PackageFact package) =>
            Glob.IsMatch(pattern, package.Id) && PackageVersion.TryParse(package.Version, out var version) && range.Contains(version!);
    }
}
