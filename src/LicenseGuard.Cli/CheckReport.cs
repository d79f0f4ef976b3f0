using System.Text;
using LicenseGuard.Catalog;
using LicenseGuard.Inventory;
using LicenseGuard.Json;
using LicenseGuard.Policy;

namespace LicenseGuard.Cli;

/// <summary>The verdict per package of a check, as a table for people or JSON (format version 1) for machines.</summary>
/// <remarks>
/// A package a policy exception accepts has the verdict <c>accepted</c> and says which exception (its pattern, where it is
/// declared, its reason and expiry) and what it silences. Exceptions that silence nothing (LG3004) are judged only where a
/// whole project is evaluated (build, scan): one package says nothing about the others an exception was written for.
/// </remarks>
internal sealed class CheckReport(string packageId, string framework, IReadOnlyList<PackageFact> packages, IReadOnlyList<DependencyFinding> findings, RulesCatalog catalog, bool showPaths, ReferencedPackage? referenced = null, IReadOnlyList<AcceptedPackage>? accepted = null)
{
    private readonly Dictionary<PackageFact, AcceptedPackage> acceptances = (accepted ?? []).ToDictionary(a => a.Package);

    /// <summary>The JSON format version; bumped only on breaking changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>
    /// Gets the sentence that warns of an upgrade that changes the package's licence (the version the project references
    /// against the checked one), or null when nothing changes or no project references it.
    /// </summary>
    public string? LicenseChange
    {
        get
        {
            if (referenced == null || packages.Count == 0)
            {
                return null;
            }

            var (fromLicense, fromClass, _) = DependencyEvaluator.Describe(referenced.Package, catalog);
            var (toLicense, toClass, _) = DependencyEvaluator.Describe(packages[0], catalog);
            if (fromLicense == toLicense && fromClass == toClass)
            {
                return null;
            }

            string what = fromClass == toClass ? "its licence" : "its licence and licence class";
            return $"{Path.GetFileName(referenced.Project)} references {referenced.Package.Display}: moving to {packages[0].Version} changes {what} from {fromLicense} ({fromClass}) to {toLicense} ({toClass}).";
        }
    }


    private IEnumerable<(PackageFact Package, string License, string Class, string Origin, string Verdict, List<DependencyFinding> Findings)> Rows()
    {
        foreach (var package in packages)
        {
            var (license, licenseClass, origin) = DependencyEvaluator.Describe(package, catalog);
            var own = findings.Where(f => f.Package == package).ToList();
            string verdict = own.Count == 0 ? (acceptances.ContainsKey(package) ? "accepted" : "ok") : own.Max(f => f.Action) == PolicyAction.Deny ? "error" : "warning";
            yield return (package, license, licenseClass, origin, verdict, own);
        }
    }

    private static string Describe(PolicyException exception) =>
        $"exception '{exception.Package}'{(exception.Version.Original is { Length: > 0 } range && range != "*" ? " " + range : string.Empty)} at {exception.DeclaredAt}: {exception.Reason}{(exception.Expires is { } expires ? $" (expires {expires:yyyy-MM-dd})" : string.Empty)}";

    public string ToTable()
    {
        var rows = Rows().ToList();
        var text = new StringBuilder();
        int acceptedCount = rows.Count(r => r.Verdict == "accepted");
        text.AppendLine($"{packageId} for {framework}: {rows.Count} package(s), {rows.Count(r => r.Verdict == "error")} error(s), {rows.Count(r => r.Verdict == "warning")} warning(s){(acceptedCount > 0 ? $", {acceptedCount} accepted by policy exceptions" : string.Empty)}");
        if (referenced != null)
        {
            var (license, licenseClass, _) = DependencyEvaluator.Describe(referenced.Package, catalog);
            text.AppendLine($"{Path.GetFileName(referenced.Project)} references {referenced.Package.Display}: {license} ({licenseClass}){(LicenseChange == null ? ", the same licence." : "; the licence changes.")}");
        }

        text.AppendLine();
        int nameWidth = Math.Max(7, rows.Max(r => r.Package.Display.Length));
        int licenseWidth = Math.Max(7, rows.Max(r => r.License.Length));
        text.AppendLine($"  {"VERDICT",-8} {"PACKAGE".PadRight(nameWidth)}  {"LICENCE".PadRight(licenseWidth)}  CLASS");
        foreach (var row in rows)
        {
            text.AppendLine($"  {row.Verdict,-8} {row.Package.Display.PadRight(nameWidth)}  {row.License.PadRight(licenseWidth)}  {row.Class}");
            if (showPaths && row.Package.Path.Count > 0)
            {
                text.AppendLine($"  {string.Empty,-8} via {string.Join(" → ", row.Package.Path)}");
            }

            foreach (var finding in row.Findings)
            {
                text.AppendLine($"  {string.Empty,-8} {finding.RuleId}: {Reason(finding)}");
            }

            if (acceptances.TryGetValue(row.Package, out var acceptance))
            {
                text.AppendLine($"  {string.Empty,-8} accepted by {Describe(acceptance.Exception)}");
                foreach (var silenced in acceptance.Silenced)
                {
                    text.AppendLine($"  {string.Empty,-8} silenced {silenced.RuleId}: {Reason(silenced)}");
                }
            }
        }

        return text.ToString();
    }

    public string ToJson()
    {
        var writer = new JsonWriter().StartObject()
            .Property("version", FormatVersion)
            .Name("parameters").StartObject().Property("package", packageId).Property("framework", framework).EndObject();
        if (referenced != null)
        {
            var (license, licenseClass, origin) = DependencyEvaluator.Describe(referenced.Package, catalog);
            writer.Name("referenced").StartObject()
                .Property("project", referenced.Project)
                .Property("version", referenced.Package.Version)
                .Property("license", license)
                .Property("licenseClass", licenseClass)
                .Property("licenseOrigin", origin)
                .Property("licenseChange", LicenseChange)
                .EndObject();
        }

        writer.Name("packages").StartArray();
        foreach (var row in Rows())
        {
            writer.StartObject()
                .Property("id", row.Package.Id)
                .Property("version", row.Package.Version)
                .Property("direct", row.Package.Direct)
                .Property("path", row.Package.Path)
                .Property("license", row.License)
                .Property("licenseClass", row.Class)
                .Property("licenseOrigin", row.Origin)
                .Property("verdict", row.Verdict)
                .Name("findings").StartArray();
            foreach (var finding in row.Findings)
            {
                writer.StartObject()
                    .Property("id", finding.RuleId)
                    .Property("severity", finding.Action == PolicyAction.Deny ? "error" : "warning")
                    .Property("rule", finding.Rule)
                    .Property("message", Reason(finding))
                    .Property("alternatives", finding.Service == null ? Array.Empty<string>() : catalog.ChooseAlternatives(finding.Service, null).Alternatives.Select(a => a.Model + "@" + a.Runtime))
                    .Property("tasks", finding.Service?.Tasks ?? (IEnumerable<string>)Array.Empty<string>())
                    .EndObject();
            }

            writer.EndArray();
            if (acceptances.TryGetValue(row.Package, out var acceptance))
            {
                writer.Name("acceptedBy").StartObject()
                    .Property("package", acceptance.Exception.Package)
                    .Property("version", acceptance.Exception.Version.Original)
                    .Property("reason", acceptance.Exception.Reason)
                    .Property("expires", acceptance.Exception.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    .Property("declaredIn", acceptance.Exception.DeclaredAt.Path)
                    .Property("line", acceptance.Exception.DeclaredAt.Line)
                    .Name("silenced").StartArray();
                foreach (var silenced in acceptance.Silenced)
                {
                    writer.StartObject().Property("id", silenced.RuleId).Property("message", Reason(silenced)).EndObject();
                }

                writer.EndArray().EndObject();
            }

            writer.EndObject();
        }

        writer.EndArray().Name("problems").StartArray();
        return writer.EndArray().EndObject() + "\n";
    }

    private string Reason(DependencyFinding finding) => finding.RuleId switch
    {
        DependencyEvaluator.LicenseNotAllowed => $"{finding.License} ({finding.LicenseClass}) is flagged by the policy: {finding.Rule}",
        DependencyEvaluator.LicenseUnknown => $"licence unknown: {finding.Origin}",
        DependencyEvaluator.ProprietaryAiPackage => $"SDK of {finding.Service!.Name}, a proprietary AI service; open alternatives: {catalog.DescribeChoice(catalog.ChooseAlternatives(finding.Service, null), finding.Service, forPackage: true)}",
        _ => finding.Origin,
    };
}
