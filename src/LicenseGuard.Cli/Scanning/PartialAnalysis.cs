using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using LicenseGuard.Analyzers;
using LicenseGuard.Analyzers.Rules;
using LicenseGuard.Baselines;
using LicenseGuard.Catalog;
using LicenseGuard.Gather;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Cli.Scanning;

/// <summary>
/// What can be said about a project that could not be restored or design-time built (private feeds, missing workloads): its
/// C# files are parsed as the SDK's default items would include them and checked for endpoints and closed model ids
/// (LG1002, LG1003 need no references), and its project file's package references — with versions from central package
/// management — are checked for AI SDK packages (LG3003). SDK calls (LG1001), licences and weights need the restore and are
/// not judged: the project is <c>partial</c>, never clean.
/// </summary>
internal static class PartialAnalysis
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> StringAnalyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ProprietaryEndpointAnalyzer(), new ClosedModelIdAnalyzer(), new ConfigurationValueAnalyzer());

    private static readonly Lazy<IReadOnlyList<MetadataReference>> RuntimeReferences = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is { } name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList());

    /// <summary>Gets what a partial scan leaves out, for reports.</summary>
    public const string Limits = "only endpoints (LG1002) and closed model ids (LG1003) in code and configuration files and AI SDK package references (LG3003) were checked; SDK calls, licences and model weights need the restore";

    public static async Task AnalyzeAsync(ProjectScan scan, bool analyzeCode, CancellationToken cancellationToken)
    {
        string projectPath = Path.GetFullPath(scan.Project);
        string directory = Path.GetDirectoryName(projectPath)!;
        var rules = RulesFileLocator.Find(directory);
        var catalog = RulesCatalog.Load(rules);
        var configs = new AnalyzerConfigProviders(ConfigFiles(directory));
        var findings = new List<Finding>();

        if (analyzeCode)
        {
            var trees = DefaultSources(directory)
                .Select(path => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(path)), new CSharpParseOptions(LanguageVersion.Preview), path, cancellationToken))
                .ToList();
            scan.SourceFiles = trees.Count;
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSyntaxTreeOptionsProvider(configs.Severities);
            var compilation = CSharpCompilation.Create(Path.GetFileNameWithoutExtension(projectPath), trees, RuntimeReferences.Value, options);
            var additionalFiles = rules.Select(r => r.Path).Concat(DefaultConfigurationFiles(directory)).Select(path => (AdditionalText)new FileText(path)).ToImmutableArray();
            var diagnostics = await compilation
                .WithAnalyzers(StringAnalyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(additionalFiles, configs.Options), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            findings.AddRange(diagnostics
                .Where(d => !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden && d.Id != DiagnosticIds.RulesFileInvalid)
                .Select(d => ProjectAnalysis.ToFinding(d, scan.Project, directory)));
        }

        findings.AddRange(SdkPackages(scan.Project, projectPath, catalog, configs.GlobalSeverity(DiagnosticIds.ProprietaryAiPackage)));
        findings.Sort((a, b) => (a.File, a.Line, a.Column, a.Id).CompareTo((b.File, b.Line, b.Column, b.Id)));
        string? baseline = File.Exists(Path.Combine(directory, BaselineFile.FileName)) ? Path.Combine(directory, BaselineFile.FileName) : null;

        // Entries for what a partial scan cannot see (SDK calls) are not stale: they are simply not checked.
        ProjectAnalysis.ApplyBaseline(findings, baseline, scan, "none", reportStale: false);
        scan.Partial = true;
        scan.PartialLimits = Limits;
    }

    /// <summary>The configuration files the package's targets would hand the compiler (docs/configuration.md#configuration-files).</summary>
    private static IEnumerable<string> DefaultConfigurationFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.json")
            .Concat(File.Exists(Path.Combine(directory, "Properties", "launchSettings.json")) ? [Path.Combine(directory, "Properties", "launchSettings.json")] : [])
            .Where(ConfigurationFiles.HasConfigurationName);

    /// <summary>The SDK's default compile items: every .cs under the project folder except bin/ and obj/.</summary>
    private static IEnumerable<string> DefaultSources(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(path =>
            {
                string relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
                return !relative.StartsWith("bin/", StringComparison.OrdinalIgnoreCase) && !relative.StartsWith("obj/", StringComparison.OrdinalIgnoreCase)
                    && !relative.Contains("/bin/", StringComparison.OrdinalIgnoreCase) && !relative.Contains("/obj/", StringComparison.OrdinalIgnoreCase);
            })
            .OrderBy(path => path, StringComparer.Ordinal);

    /// <summary>The package's defaults, then the .editorconfig and .globalconfig files the compiler would read, nearest last.</summary>
    private static IEnumerable<string> ConfigFiles(string directory)
    {
        var files = new List<string>();
        string defaults = Path.Combine(AppContext.BaseDirectory, "msbuild", "LicenseGuard.globalconfig");
        if (File.Exists(defaults))
        {
            files.Add(defaults);
        }

        var found = new List<string>();
        for (var folder = new DirectoryInfo(directory); folder != null; folder = folder.Parent)
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                string path = Path.Combine(folder.FullName, name);
                if (File.Exists(path))
                {
                    found.Add(path);
                }
            }
        }

        found.Reverse();
        return files.Concat(found);
    }

    /// <summary>LG3003 for <c>PackageReference</c> items of AI SDKs, at the item in the project file.</summary>
    private static IEnumerable<Finding> SdkPackages(string project, string projectPath, RulesCatalog catalog, string? configuredSeverity)
    {
        var rule = catalog.GetRule(DiagnosticIds.ProprietaryAiPackage);
        XDocument document;
        try
        {
            document = XDocument.Load(projectPath, LoadOptions.SetLineInfo);
        }
        catch (XmlException)
        {
            yield break;
        }

        if (!rule.Enabled || configuredSeverity == "none")
        {
            yield break;
        }

        var centralVersions = CentralVersions(Path.GetDirectoryName(projectPath)!);
        foreach (var reference in document.Descendants().Where(e => e.Name.LocalName == "PackageReference"))
        {
            string? id = (string?)reference.Attribute("Include") ?? (string?)reference.Attribute("Update");
            var service = id == null ? null : catalog.FindServiceByPackage(id);
            if (service == null || rule.Ignore.Any(pattern => Glob.IsMatch(pattern, id!)))
            {
                continue;
            }

            string? version = (string?)reference.Attribute("Version") ?? reference.Elements().FirstOrDefault(e => e.Name.LocalName == "Version")?.Value
                ?? (centralVersions.TryGetValue(id!, out var central) ? central : null);
            var choice = catalog.ChooseAlternatives(service, null);
            string severity = configuredSeverity ?? service.Severity ?? rule.Severity ?? "warning";
            var line = (IXmlLineInfo)reference;
            yield return new Finding(
                DiagnosticIds.ProprietaryAiPackage,
                severity,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Descriptors.ProprietaryAiPackage.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    version == null ? id : id + " " + version, service.Name, catalog.ClassOf(service.License) + ", " + service.Access, catalog.DescribeChoice(choice, service, forPackage: true)),
                project,
                projectPath,
                line.LineNumber,
                line.LinePosition,
                ImmutableDictionary<string, string?>.Empty.Add("service", service.Id).Add("package", id).Add("version", version).Add("alternatives", choice.Ids),
                string.Empty,
                Descriptors.ProprietaryAiPackage.HelpLinkUri);
        }
    }

    /// <summary>Versions from the nearest Directory.Packages.props (central package management).</summary>
    private static Dictionary<string, string> CentralVersions(string directory)
    {
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var folder = new DirectoryInfo(directory); folder != null; folder = folder.Parent)
        {
            string path = Path.Combine(folder.FullName, "Directory.Packages.props");
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                foreach (var item in XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
                {
                    if ((string?)item.Attribute("Include") is { } id && (string?)item.Attribute("Version") is { } version)
                    {
                        versions.TryAdd(id, version);
                    }
                }
            }
            catch (XmlException)
            {
            }

            break;
        }

        return versions;
    }
}
