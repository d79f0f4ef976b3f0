using System.Reflection;
using LicenseGuard.Analyzers;
using LicenseGuard.Cli.Scanning;
using LicenseGuard.Json;
using LicenseGuard.Policy;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Cli.Reports;

/// <summary>The scan as LicenseGuard JSON (format version 1), SARIF 2.1.0 and CycloneDX 1.6.</summary>
internal static class JsonReports
{
    /// <summary>The JSON format version; bumped only on breaking changes.</summary>
    public const int FormatVersion = 1;

    private static readonly string ToolVersion =
        typeof(JsonReports).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static string Json(ReportContext context)
    {
        var result = context.Result;
        var findings = result.Findings.ToList();
        var writer = new JsonWriter().StartObject()
            .Property("version", FormatVersion)
            .Name("parameters").StartObject()
                .Property("root", ".")
                .Property("codeAnalyzed", result.CodeAnalyzed)
                .Property("failOn", context.FailOn)
            .EndObject()
            .Name("policy").StartObject()
                .Property("catalogDate", CatalogMarkdown.CatalogDate)
                .Property("rulesFiles", context.RulesFiles().Select(f => $"{f.Path} sha256:{f.Digest}"))
            .EndObject()
            .Name("summary").StartObject()
                .Property("projects", result.Projects.Count)
                .Property("findings", findings.Count)
                .Property("errors", findings.Count(f => f.Severity == "error"))
                .Property("warnings", findings.Count(f => f.Severity == "warning"))
                .Property("info", findings.Count(f => f.Severity == "info"))
                .Property("baselined", result.Projects.Sum(p => p.Baselined.Count))
            .EndObject()
            .Name("projects").StartArray();
        foreach (var project in result.Projects)
        {
            writer.StartObject()
                .Property("project", context.Relative(project.Project))
                .Property("targetFramework", project.TargetFramework)
                .Property("scanned", project.Error == null)
                .Property("partial", project.Partial)
                .Property("baselined", project.Baselined.Count)
                .Name("findings").StartArray();
            foreach (var finding in project.Findings)
            {
                WriteFinding(writer, context, finding);
            }

            writer.EndArray().EndObject();
        }

        writer.EndArray().Name("problems").StartArray();
        foreach (var project in result.Projects.Where(p => p.Error != null))
        {
            writer.StartObject().Property("project", context.Relative(project.Project)).Property("partial", project.Partial)
                .Property("message", project.Partial ? $"{project.Error}; partial scan: {project.PartialLimits}" : project.Error).EndObject();
        }

        return writer.EndArray().EndObject() + "\n";
    }

    private static void WriteFinding(JsonWriter writer, ReportContext context, Finding finding)
    {
        writer.StartObject()
            .Property("id", finding.Id)
            .Property("severity", finding.Severity)
            .Property("kind", finding.Kind)
            .Property("message", finding.Message)
            .Property("file", finding.File == null ? null : context.Relative(finding.File))
            .Property("line", finding.Line)
            .Property("column", finding.Column)
            .Property("fingerprint", finding.Fingerprint)
            .Property("helpUri", finding.HelpUri)
            .Name("properties").StartObject();
        foreach (var property in finding.Properties.Where(p => !string.IsNullOrEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Property(property.Key, property.Value);
        }

        writer.EndObject().EndObject();
    }

    public static string Sarif(ReportContext context)
    {
        var result = context.Result;
        var rules = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .GroupBy(d => d.Id).Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var writer = new JsonWriter().StartObject()
            .Property("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            .Property("version", "2.1.0")
            .Name("runs").StartArray().StartObject()
            .Name("tool").StartObject().Name("driver").StartObject()
                .Property("name", "LicenseGuard")
                .Property("semanticVersion", ToolVersion)
                .Property("informationUri", "https://github.com/licenseguard/licenseguard")
                .Name("rules").StartArray();
        foreach (var rule in rules)
        {
            writer.StartObject()
                .Property("id", rule.Id)
                .Name("shortDescription").StartObject().Property("text", rule.Title.ToString()).EndObject()
                .Name("fullDescription").StartObject().Property("text", rule.Description.ToString()).EndObject()
                .Property("helpUri", rule.HelpLinkUri)
                // Code scanning shows a rule's help beside each alert and filters by its tags.
                .Name("help").StartObject()
                    .Property("text", $"{rule.Description} See {rule.HelpLinkUri}")
                    .Property("markdown", $"**{rule.Title}**\n\n{rule.Description}\n\n[{rule.Id} documentation]({rule.HelpLinkUri})")
                .EndObject()
                .Name("defaultConfiguration").StartObject().Property("level", Level(rule.DefaultSeverity == DiagnosticSeverity.Error ? "error" : rule.DefaultSeverity == DiagnosticSeverity.Warning ? "warning" : "info")).EndObject()
                .Name("properties").StartObject()
                    .Property("category", rule.Category)
                    .Property("tags", new[] { "licenseguard", "licensing", Finding.KindOf(rule.Id) }.Concat(rule.CustomTags).Distinct(StringComparer.Ordinal))
                    .Property("precision", "high")
                .EndObject()
                .EndObject();
        }

        writer.EndArray().EndObject().EndObject()
            .Name("originalUriBaseIds").StartObject()
                .Name("SRCROOT").StartObject().Property("uri", new Uri(result.Root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar).AbsoluteUri).EndObject()
            .EndObject()
            .Name("invocations").StartArray().StartObject()
                .Property("executionSuccessful", result.Projects.All(p => p.Error == null))
                .Name("toolExecutionNotifications").StartArray();
        foreach (var project in result.Projects.Where(p => p.Error != null))
        {
            writer.StartObject().Property("level", project.Partial ? "warning" : "error").Name("message").StartObject()
                .Property("text", project.Partial ? $"{context.Relative(project.Project)}: partial scan: {project.Error}; {project.PartialLimits}" : $"{context.Relative(project.Project)}: {project.Error}").EndObject().EndObject();
        }

        writer.EndArray().EndObject().EndArray().Name("results").StartArray();
        foreach (var project in result.Projects)
        {
            foreach (var finding in project.Findings)
            {
                WriteResult(writer, context, finding, baselined: false);
            }

            foreach (var finding in project.Baselined)
            {
                WriteResult(writer, context, finding, baselined: true);
            }
        }

        // What judged the run: the catalog's date and each rules file with the SHA-256 of its text.
        writer.EndArray().Name("properties").StartObject()
            .Property("licenseguard:catalogDate", CatalogMarkdown.CatalogDate)
            .Property("licenseguard:policy", context.RulesFiles().Select(f => $"{f.Path} sha256:{f.Digest}"))
            .EndObject();
        return writer.EndObject().EndArray().EndObject() + "\n";
    }

    private static void WriteResult(JsonWriter writer, ReportContext context, Finding finding, bool baselined)
    {
        writer.StartObject()
            .Property("ruleId", finding.Id)
            .Property("level", Level(finding.Severity))
            .Name("message").StartObject().Property("text", finding.Message).EndObject()
            .Name("locations").StartArray().StartObject().Name("physicalLocation").StartObject()
                .Name("artifactLocation").StartObject().Property("uri", context.Relative(finding.File ?? finding.Project)).Property("uriBaseId", "SRCROOT").EndObject();
        if (finding.Line > 0)
        {
            writer.Name("region").StartObject().Property("startLine", finding.Line).Property("startColumn", Math.Max(1, finding.Column)).EndObject();
        }

        writer.EndObject().EndObject().EndArray();
        if (finding.Fingerprint.Length > 0)
        {
            writer.Name("partialFingerprints").StartObject().Property("licenseguardFingerprint/v1", finding.Fingerprint).EndObject();
        }

        if (baselined)
        {
            writer.Name("suppressions").StartArray().StartObject()
                .Property("kind", "external")
                .Property("justification", "Accepted in licenseguard.baseline.json")
                .EndObject().EndArray();
        }

        writer.Name("properties").StartObject().Property("project", context.Relative(finding.Project)).Property("kind", finding.Kind);
        if (finding.Property("task") is { } task)
        {
            writer.Property("task", task);
        }

        if (finding.Property("alternatives") is { } alternatives)
        {
            writer.Property("alternatives", alternatives.Split(','));
        }

        writer.EndObject();
        writer.EndObject();
    }

    /// <summary>An <c>owner/name</c> repository id, the form Hugging Face and the catalog use.</summary>
    private static bool IsHuggingFaceRepository(string reference) =>
        System.Text.RegularExpressions.Regex.IsMatch(reference, "^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$");

    private static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    };

    public static string CycloneDx(ReportContext context, string specVersion = "1.6")
    {
        var result = context.Result;
        var writer = new JsonWriter().StartObject()
            .Property("$schema", $"http://cyclonedx.org/schema/bom-{specVersion}.schema.json")
            .Property("bomFormat", "CycloneDX")
            .Property("specVersion", specVersion)
            .Property("serialNumber", "urn:uuid:" + Guid.NewGuid().ToString("D"))
            .Property("version", 1)
            .Name("metadata").StartObject()
                .Property("timestamp", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))
                .Name("tools").StartObject().Name("components").StartArray()
                    .StartObject().Property("type", "application").Property("name", "licenseguard").Property("version", ToolVersion).EndObject()
                .EndArray().EndObject()
                .Name("component").StartObject()
                    .Property("type", "application")
                    .Property("bom-ref", "scan-root")
                    .Property("name", Path.GetFileName(result.Root.TrimEnd('/', '\\')))
                .EndObject();
        WritePolicy(writer, context);
        writer.EndObject();

        var dependencies = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var components = new SortedDictionary<string, Action>(StringComparer.Ordinal);
        var services = new SortedDictionary<string, Action>(StringComparer.Ordinal);
        var serviceUsers = new Dictionary<string, (SortedSet<string> Hosts, SortedSet<string> UsedBy)>(StringComparer.Ordinal);
        var closedModelUsers = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var project in result.Projects.Where(p => p.Error == null || p.Partial))
        {
            var catalog = context.CatalogOf(project);
            string projectRef = "project:" + context.Relative(project.Project);
            var projectDependencies = new SortedSet<string>(StringComparer.Ordinal);
            dependencies[projectRef] = projectDependencies;
            string projectName = Path.GetFileNameWithoutExtension(project.Project);
            string? partial = project.Partial ? $"partial: {project.Error}; {project.PartialLimits}" : null;
            components[projectRef] = () =>
            {
                writer.StartObject().Property("type", "application").Property("bom-ref", projectRef).Property("name", projectName);
                if (partial != null)
                {
                    // Its packages and weights are unknown without a restore: the BOM must not read as complete for it.
                    writer.Name("properties").StartArray().StartObject().Property("name", "licenseguard:scan").Property("value", partial).EndObject().EndArray();
                }

                writer.EndObject();
            };

            foreach (var package in project.Inventory?.Packages ?? [])
            {
                string purl = $"pkg:nuget/{package.Id}@{package.Version}";
                if (package.Direct)
                {
                    projectDependencies.Add(purl);
                }

                var (expression, origin) = DependencyEvaluator.ResolveLicense(package, catalog);

                // The package's own SPDX expression as it declared it; the catalog's reading only when it declared none.
                string? license = package.License.Source == Inventory.LicenseSource.Expression && !string.IsNullOrWhiteSpace(package.License.Value)
                    ? package.License.Value
                    : expression?.ToDisplayString();
                var fact = package;
                components.TryAdd(purl, () =>
                {
                    writer.StartObject()
                        .Property("type", "library")
                        .Property("bom-ref", purl)
                        .Property("name", fact.Id)
                        .Property("version", fact.Version)
                        .Property("scope", fact.Development ? "excluded" : "required")
                        .Property("purl", purl);
                    WriteLicenses(writer, license, catalog);
                    writer.Name("properties").StartArray()
                        .StartObject().Property("name", "licenseguard:licenseOrigin").Property("value", origin).EndObject()
                        .EndArray().EndObject();
                });
            }

            foreach (var weight in project.Inventory == null ? [] : WeightsEvaluator.Evaluate(project.Inventory.Weights, catalog))
            {
                string file = context.Relative(weight.Weight.FullPath.Length > 0 ? weight.Weight.FullPath : Path.Combine(Path.GetDirectoryName(project.Project)!, weight.Weight.Item));
                string modelRef = "model:" + file;
                projectDependencies.Add(modelRef);
                var finding = weight;
                components.TryAdd(modelRef, () =>
                {
                    writer.StartObject()
                        .Property("type", "machine-learning-model")
                        .Property("bom-ref", modelRef)
                        .Property("name", finding.Model?.Name ?? Path.GetFileName(file))
                        .Property("description", $"{finding.Weight.Format} weights shipped as {file} ({string.Join(", ", finding.Weight.Destinations)})");
                    if (finding.Model?.Vendor is { Length: > 0 } vendor)
                    {
                        writer.Name("supplier").StartObject().Property("name", vendor).EndObject();
                    }

                    WriteLicenses(writer, finding.License == "unknown" ? null : finding.License, catalog);

                    // Where the model comes from: the model repositories its card names as base models, and those the catalog
                    // lists for running it (Hugging Face repository ids).
                    var sources = finding.Weight.CardBaseModels.Concat(finding.Model?.Run.Select(r => r.Reference) ?? [])
                        .Where(IsHuggingFaceRepository).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                    if (sources.Count > 0)
                    {
                        writer.Name("externalReferences").StartArray();
                        foreach (string source in sources)
                        {
                            writer.StartObject().Property("type", "distribution").Property("url", "https://huggingface.co/" + source).EndObject();
                        }

                        writer.EndArray();
                    }

                    // What policy needs from the model card is in properties too: Dependency-Track keeps those, not modelCard.
                    string? task = finding.Weight.CardPipelineTag ?? finding.Model?.Tasks.FirstOrDefault();
                    string? family = finding.Weight.Metadata.TryGetValue("general.architecture", out var architecture) ? architecture : finding.Model?.Family;
                    WriteModelCard(writer, task, family, finding.Weight.CardDatasets);
                    writer.Name("properties").StartArray()
                        .StartObject().Property("name", "licenseguard:file").Property("value", file).EndObject()
                        .StartObject().Property("name", "licenseguard:format").Property("value", finding.Weight.Format).EndObject()
                        .StartObject().Property("name", "licenseguard:licenseSource").Property("value", finding.Source).EndObject()
                        .StartObject().Property("name", "licenseguard:licenseClass").Property("value", finding.LicenseClass).EndObject();
                    if (finding.Weight.CardPath is { Length: > 0 } card)
                    {
                        writer.StartObject().Property("name", "licenseguard:modelCard").Property("value", context.Relative(card)).EndObject();
                    }

                    foreach (var condition in finding.Conditions)
                    {
                        writer.StartObject().Property("name", "licenseguard:condition").Property("value", condition).EndObject();
                    }

                    WriteModelProperties(writer, task, family, finding.Weight.CardDatasets, openWeights: true);
                    writer.EndArray().EndObject();
                });
            }

            // Closed models the code or configuration names (LG1003): components linked to the service that runs them.
            foreach (var byModel in project.Findings.Concat(project.Baselined).Where(f => f.Property("model") != null && f.Property("host") == null).GroupBy(f => f.Property("model")!))
            {
                var model = catalog.FindModel(byModel.Key);
                if (model == null || model.OpenWeights)
                {
                    continue;
                }

                string modelRef = "closed-model:" + model.Id;
                projectDependencies.Add(modelRef);
                if (!closedModelUsers.TryGetValue(modelRef, out var modelUse))
                {
                    closedModelUsers[modelRef] = modelUse = new SortedSet<string>(StringComparer.Ordinal);
                }

                modelUse.UnionWith(byModel.Select(f => context.Relative(f.File ?? f.Project)));
                if (model.Service is { } runBy && catalog.FindService(runBy) != null)
                {
                    dependencies[modelRef] = new SortedSet<string>(StringComparer.Ordinal) { "service:" + runBy };
                }

                components.TryAdd(modelRef, () =>
                {
                    string? task = model.Tasks.FirstOrDefault();
                    writer.StartObject()
                        .Property("type", "machine-learning-model")
                        .Property("bom-ref", modelRef)
                        .Property("name", model.Name)
                        .Property("description", $"Closed-weight model named in code or configuration, reached through {catalog.FindService(model.Service ?? string.Empty)?.Name ?? model.Vendor}; nothing is shipped")
                        .Name("supplier").StartObject().Property("name", model.Vendor).EndObject();
                    WriteLicenses(writer, model.License, catalog);
                    WriteModelCard(writer, task, model.Family, []);
                    writer.Name("properties").StartArray()
                        .StartObject().Property("name", "licenseguard:licenseClass").Property("value", catalog.ClassOf(model.License)).EndObject();
                    if (model.Service != null)
                    {
                        writer.StartObject().Property("name", "licenseguard:service").Property("value", model.Service).EndObject();
                    }

                    foreach (string file in closedModelUsers[modelRef])
                    {
                        writer.StartObject().Property("name", "licenseguard:usedIn").Property("value", file).EndObject();
                    }

                    WriteModelProperties(writer, task, model.Family, [], openWeights: false);
                    writer.EndArray().EndObject();
                });
            }

            foreach (var byService in project.Findings.Concat(project.Baselined).Where(f => f.Property("service") != null).GroupBy(f => f.Property("service")!))
            {
                var service = catalog.FindService(byService.Key);
                if (service == null)
                {
                    continue;
                }

                string serviceRef = "service:" + service.Id;
                projectDependencies.Add(serviceRef);
                // A service many projects use is written once, with the hosts and files of every project that uses it.
                if (!serviceUsers.TryGetValue(serviceRef, out var use))
                {
                    serviceUsers[serviceRef] = use = (new SortedSet<string>(service.Hosts, StringComparer.OrdinalIgnoreCase), new SortedSet<string>(StringComparer.Ordinal));
                }

                var (hosts, usedBy) = use;
                hosts.UnionWith(byService.Select(f => f.Property("host")).OfType<string>());
                usedBy.UnionWith(byService.Select(f => context.Relative(f.File ?? f.Project)));
                if (services.ContainsKey(serviceRef))
                {
                    continue;
                }

                services[serviceRef] = () =>
                {
                    writer.StartObject()
                        .Property("bom-ref", serviceRef)
                        .Name("provider").StartObject().Property("name", service.Vendor).EndObject()
                        .Property("name", service.Name)
                        .Property("description", $"Proprietary AI service ({catalog.ClassOf(service.License)}, {service.Access})")
                        .Property("endpoints", hosts.Select(h => "https://" + h))
                        .Property("authenticated", true)
                        .Property("x-trust-boundary", true)
                        .Property("trustZone", "vendor-hosted (outside the application's trust boundary)")
                        .Name("data").StartArray()
                            .StartObject().Property("flow", "outbound").Property("classification", "prompts, inputs and files the application sends").EndObject()
                            .StartObject().Property("flow", "inbound").Property("classification", "generated output").EndObject()
                        .EndArray();
                    WriteLicenses(writer, service.License, catalog);
                    writer.Name("properties").StartArray()
                            .StartObject().Property("name", "licenseguard:access").Property("value", service.Access).EndObject();
                    foreach (string file in usedBy)
                    {
                        writer.StartObject().Property("name", "licenseguard:usedIn").Property("value", file).EndObject();
                    }

                    writer.EndArray().EndObject();
                };
            }
        }

        writer.Name("components").StartArray();
        foreach (var component in components.Values)
        {
            component();
        }

        writer.EndArray().Name("services").StartArray();
        foreach (var service in services.Values)
        {
            service();
        }

        writer.EndArray().Name("dependencies").StartArray();
        writer.StartObject().Property("ref", "scan-root").Property("dependsOn", dependencies.Keys).EndObject();
        foreach (var (reference, dependsOn) in dependencies)
        {
            writer.StartObject().Property("ref", reference).Property("dependsOn", dependsOn).EndObject();
        }

        return writer.EndArray().EndObject() + "\n";
    }

    /// <summary>
    /// A licence as the engines read it: an SPDX expression, or for a single licence outside the SPDX list (a catalog
    /// <c>LicenseRef-</c>) its name and URL, which Dependency-Track shows instead of an unresolved expression.
    /// </summary>
    private static void WriteLicenses(JsonWriter writer, string? license, Catalog.RulesCatalog catalog)
    {
        if (string.IsNullOrEmpty(license))
        {
            return;
        }

        writer.Name("licenses").StartArray().StartObject();
        var entry = license.StartsWith("LicenseRef-", StringComparison.Ordinal) && license.IndexOf(' ') < 0 ? catalog.FindLicense(license) : null;
        if (entry == null)
        {
            writer.Property("expression", license);
        }
        else
        {
            writer.Name("license").StartObject().Property("name", $"{entry.Name} ({entry.Id})");
            if (entry.Urls.FirstOrDefault(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) is { } url)
            {
                writer.Property("url", url);
            }

            writer.EndObject();
        }

        writer.EndObject().EndArray();
    }

    /// <summary>The model card's parameters CycloneDX defines: task, architecture family, datasets (by name).</summary>
    private static void WriteModelCard(JsonWriter writer, string? task, string? family, IReadOnlyList<string> datasets)
    {
        if (task == null && family == null && datasets.Count == 0)
        {
            return;
        }

        writer.Name("modelCard").StartObject().Name("modelParameters").StartObject();
        if (task != null)
        {
            writer.Property("task", task);
        }

        if (family != null)
        {
            writer.Property("architectureFamily", family);
        }

        if (datasets.Count > 0)
        {
            writer.Name("datasets").StartArray();
            foreach (string dataset in datasets)
            {
                writer.StartObject().Property("type", "dataset").Property("name", dataset).EndObject();
            }

            writer.EndArray();
        }

        writer.EndObject().EndObject();
    }

    private static void WriteModelProperties(JsonWriter writer, string? task, string? family, IReadOnlyList<string> datasets, bool openWeights)
    {
        writer.StartObject().Property("name", "licenseguard:openWeights").Property("value", openWeights ? "true" : "false").EndObject();
        if (task != null)
        {
            writer.StartObject().Property("name", "licenseguard:task").Property("value", task).EndObject();
        }

        if (family != null)
        {
            writer.StartObject().Property("name", "licenseguard:architectureFamily").Property("value", family).EndObject();
        }

        foreach (string dataset in datasets)
        {
            writer.StartObject().Property("name", "licenseguard:dataset").Property("value", dataset).EndObject();
        }
    }

    /// <summary>
    /// Which policy judged the BOM: this LicenseGuard and its catalog's date, and each rules file layered over it with a
    /// digest of its text (the same files give the same digest on every machine), so a BOM says what it was checked against.
    /// </summary>
    private static void WritePolicy(JsonWriter writer, ReportContext context)
    {
        writer.Name("properties").StartArray()
            .StartObject().Property("name", "licenseguard:catalogDate").Property("value", CatalogMarkdown.CatalogDate).EndObject();
        foreach (var file in context.RulesFiles())
        {
            writer.StartObject().Property("name", "licenseguard:policy").Property("value", $"{file.Path} sha256:{file.Digest}").EndObject();
        }

        writer.EndArray();
    }
}
