using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LicenseGuard.Cli.Scanning;

/// <summary>
/// .editorconfig / .globalconfig options for the scan's compilation, as the compiler computes them from its
/// <c>/analyzerconfig</c> arguments: analyzer options per file, and severities per file and global.
/// </summary>
internal sealed class AnalyzerConfigProviders
{
    private readonly AnalyzerConfigSet set;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> results = new(StringComparer.Ordinal);

    public AnalyzerConfigProviders(IEnumerable<string> configPaths)
    {
        var configs = configPaths.Where(File.Exists).Select(p => AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(p)), p)).ToList();
        set = AnalyzerConfigSet.Create(configs);
        Options = new OptionsProvider(this);
        Severities = new SeverityProvider(this);
    }

    public AnalyzerConfigOptionsProvider Options { get; }

    public SyntaxTreeOptionsProvider Severities { get; }

    /// <summary>Gets the configured severity of a rule for findings outside C# files (global configuration only), or null.</summary>
    public string? GlobalSeverity(string id) =>
        set.GlobalConfigOptions.TreeOptions.TryGetValue(id, out var severity) ? severity switch
        {
            ReportDiagnostic.Error => "error",
            ReportDiagnostic.Warn => "warning",
            ReportDiagnostic.Info => "info",
            ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => "none",
            _ => null,
        } : null;

    private AnalyzerConfigOptionsResult For(string path) => results.GetOrAdd(path, p => set.GetOptionsForSourcePath(p));

    private sealed class ConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class OptionsProvider(AnalyzerConfigProviders owner) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new ConfigOptions(owner.set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new ConfigOptions(owner.For(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new ConfigOptions(owner.For(textFile.Path).AnalyzerOptions);
    }

    private sealed class SeverityProvider(AnalyzerConfigProviders owner) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            owner.For(tree.FilePath).AnalyzerOptions.TryGetValue("generated_code", out string? value)
                ? (bool.TryParse(value, out bool generated) && generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated)
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.For(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }
}

/// <summary>An additional file read from disk when an analyzer asks for it.</summary>
internal sealed class FileText(string path) : AdditionalText
{
    private readonly Lazy<SourceText?> text = new(() => File.Exists(path) ? SourceText.From(File.ReadAllText(path)) : null);

    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => text.Value;
}
