using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using LicenseGuard.Analyzers;
using LicenseGuard.Baselines;
using LicenseGuard.Inventory;
using LicenseGuard.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Cli.Scanning;

/// <summary>
/// Compiles one project from its compiler command line and runs LicenseGuard's analyzers over it, the same analyzers the
/// build runs, then applies the project's baseline. Other analyzers and source generators on the command line are not run.
/// </summary>
internal static class ProjectAnalysis
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Analyses a loaded project; with <paramref name="analyzeCode"/> false only project-level findings are produced.</summary>
    public static async Task AnalyzeAsync(MSBuildProject project, ProjectScan scan, bool analyzeCode, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        string directory = Path.GetDirectoryName(project.ProjectPath)!;
        var arguments = project.ParseArguments();
        var configs = new AnalyzerConfigProviders(arguments.AnalyzerConfigPaths);

        var trees = analyzeCode ? ParseSources(arguments, cancellationToken) : [];
        var references = analyzeCode
            ? arguments.MetadataReferences.Where(r => File.Exists(r.Reference)).Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties)).ToList()
            : [];
        var additionalPaths = arguments.AdditionalFiles.Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();
        string? baselinePath = additionalPaths.FirstOrDefault(BaselineFile.IsBaseline)
            ?? (File.Exists(Path.Combine(directory, BaselineFile.FileName)) ? Path.Combine(directory, BaselineFile.FileName) : null);

        // The analyzers see every finding; the baseline is applied below, so entries that match nothing can be reported.
        var additionalFiles = additionalPaths.Where(p => !BaselineFile.IsBaseline(p)).Select(p => (AdditionalText)new FileText(p)).ToImmutableArray();
        string? inventoryPath = MSBuildProject.InventoryAmong(additionalPaths);
        if (inventoryPath != null)
        {
            scan.Inventory = ProjectInventory.Parse(inventoryPath, File.ReadAllText(inventoryPath));
        }

        var options = ((CSharpCompilationOptions)arguments.CompilationOptions).WithSyntaxTreeOptionsProvider(configs.Severities);
        var compilation = CSharpCompilation.Create(arguments.CompilationName ?? Path.GetFileNameWithoutExtension(project.ProjectPath), trees, references, options);
        if (analyzeCode)
        {
            (compilation, var failedGenerators) = SourceGenerators.Run(compilation, arguments, additionalFiles, configs.Options, cancellationToken);
            MarkIncomplete(scan, arguments, compilation, failedGenerators, cancellationToken);
        }
        var withAnalyzers = compilation.WithAnalyzers(
            Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(additionalFiles, configs.Options), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        var findings = diagnostics
            .Where(d => !d.IsSuppressed && d.Severity != DiagnosticSeverity.Hidden)
            .Select(d => ToFinding(d, project.ProjectPath, directory))
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
        ApplyBaseline(findings, baselinePath, scan, configs.GlobalSeverity(DiagnosticIds.BaselineEntryStale) ?? "warning", reportStale: true);
        scan.SourceFiles = trees.Length;
        scan.AnalysisTime = stopwatch.Elapsed;
    }

    /// <summary>
    /// A compilation the scan could not complete is a partial scan (exit 2), never a clean one: referenced assemblies that do not
    /// exist yet (a project reference not built: its SDK calls would be invisible), or compiler errors (the analyzers saw
    /// broken code), with the source generators run as the build runs them.
    /// </summary>
    private static void MarkIncomplete(ProjectScan scan, CommandLineArguments arguments, CSharpCompilation compilation, IReadOnlyList<string> failedGenerators, CancellationToken cancellationToken)
    {
        var missing = arguments.MetadataReferences.Select(r => r.Reference).Where(r => !File.Exists(r)).ToList();
        if (missing.Count > 0)
        {
            scan.Partial = true;
            scan.Error = $"{missing.Count} referenced assembl{(missing.Count == 1 ? "y is" : "ies are")} not built yet ({Path.GetFileName(missing[0])}{(missing.Count > 1 ? ", …" : string.Empty)}): build the solution first (dotnet build), then scan";
            scan.PartialLimits = "calls into those assemblies, and code that needs them, were not checked";
            return;
        }

        var error = compilation.GetDiagnostics(cancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error && !d.IsSuppressed);
        if (error != null)
        {
            var position = error.Location.GetLineSpan();
            scan.Partial = true;
            scan.Error = $"the code does not compile: {Path.GetFileName(position.Path)}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {error.Id} {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"
                + (failedGenerators.Count > 0 ? $" (source generators that could not run: {string.Join("; ", failedGenerators)})" : string.Empty);
            scan.PartialLimits = "findings in code the compiler could not bind may be missing";
        }
    }

    private static ImmutableArray<SyntaxTree> ParseSources(CommandLineArguments arguments, CancellationToken cancellationToken)
    {
        var trees = new SyntaxTree?[arguments.SourceFiles.Length];
        Parallel.For(0, trees.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            string path = arguments.SourceFiles[i].Path;
            if (File.Exists(path))
            {
                using var stream = File.OpenRead(path);
                var text = SourceText.From(stream, encoding: null, arguments.ChecksumAlgorithm, throwIfBinaryDetected: false);
                trees[i] = CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)arguments.ParseOptions, path, cancellationToken);
            }
        });
        return trees.Where(t => t != null).ToImmutableArray()!;
    }

    internal static Finding ToFinding(Diagnostic diagnostic, string project, string projectDirectory)
    {
        var span = diagnostic.Location.GetLineSpan();
        bool located = diagnostic.Location != Location.None && !string.IsNullOrEmpty(span.Path);
        return new Finding(
            diagnostic.Id,
            diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" },
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            project,
            located ? span.Path : null,
            located ? span.StartLinePosition.Line + 1 : 0,
            located ? span.StartLinePosition.Character + 1 : 0,
            diagnostic.Properties,
            FindingFingerprint.Compute(diagnostic, projectDirectory),
            string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri);
    }

    /// <summary>Moves the findings the baseline accepts aside; with <paramref name="reportStale"/>, entries that match nothing are LG9003.</summary>
    internal static void ApplyBaseline(List<Finding> findings, string? baselinePath, ProjectScan scan, string staleSeverity, bool reportStale)
    {
        if (baselinePath == null || !File.Exists(baselinePath))
        {
            scan.Findings.AddRange(findings);
            return;
        }

        IReadOnlyList<BaselineEntry> entries;
        try
        {
            entries = BaselineFile.Parse(baselinePath, File.ReadAllText(baselinePath));
        }
        catch (JsonParseException e)
        {
            scan.Findings.AddRange(findings);
            scan.Findings.Add(new Finding(DiagnosticIds.RulesFileInvalid, "error", $"{Path.GetFileName(baselinePath)} is not valid JSON: {e.Message} Nothing in it is applied.", scan.Project, baselinePath, e.Span.Line, e.Span.Column, ImmutableDictionary<string, string?>.Empty, string.Empty, Descriptors.RulesFileInvalid.HelpLinkUri));
            return;
        }

        var used = new HashSet<BaselineEntry>();
        var byKey = entries.GroupBy(e => e.Id + "|" + e.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (!finding.Id.StartsWith("LG9", StringComparison.Ordinal) && byKey.TryGetValue(finding.Id + "|" + finding.Fingerprint, out var entry))
            {
                used.Add(entry);
                scan.Baselined.Add(finding);
            }
            else
            {
                scan.Findings.Add(finding);
            }
        }

        foreach (var stale in entries.Where(e => reportStale && staleSeverity != "none" && !used.Contains(e)))
        {
            scan.Findings.Add(new Finding(
                DiagnosticIds.BaselineEntryStale,
                staleSeverity,
                $"Baseline entry {stale.Id} {stale.Fingerprint} ({stale.File}) no longer matches a finding; remove it or run 'licenseguard baseline' to rewrite the file",
                scan.Project,
                baselinePath,
                stale.Span.Line,
                stale.Span.Column,
                ImmutableDictionary<string, string?>.Empty.Add("baselineId", stale.Id).Add("fingerprint", stale.Fingerprint),
                string.Empty,
                Descriptors.BaselineEntryStale.HelpLinkUri));
        }
    }
}
