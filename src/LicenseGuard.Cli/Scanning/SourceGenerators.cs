using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Cli.Scanning;

/// <summary>
/// Runs the source generators on a project's compiler command line, so that `scan` sees the code the build compiles
/// (generated regexes, logging methods, JSON contexts, Razor components) and a compilation error means the code is broken,
/// not that a generator was left out. Generators load into a context of their own; Roslyn itself is shared with the tool.
/// </summary>
internal static class SourceGenerators
{
    /// <summary>Runs them; returns the compilation with their output and the generators that could not be loaded or run.</summary>
    public static (CSharpCompilation Compilation, IReadOnlyList<string> Failed) Run(
        CSharpCompilation compilation, CommandLineArguments arguments, ImmutableArray<AdditionalText> additionalFiles, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var loader = new Loader();
        foreach (var reference in arguments.AnalyzerReferences)
        {
            loader.AddDependencyLocation(Path.GetFullPath(reference.FilePath));
        }

        var generators = new List<ISourceGenerator>();
        foreach (var reference in arguments.AnalyzerReferences.Where(r => File.Exists(r.FilePath)))
        {
            var file = new AnalyzerFileReference(Path.GetFullPath(reference.FilePath), loader);
            file.AnalyzerLoadFailed += (_, e) => failed.Add($"{Path.GetFileName(reference.FilePath)}: {(e.ErrorCode == AnalyzerLoadFailureEventArgs.FailureErrorCode.ReferencesNewerCompiler ? $"built for Roslyn {e.ReferencedCompilerVersion}, newer than this tool's" : e.Exception?.Message ?? e.ErrorCode.ToString())}");
            generators.AddRange(file.GetGenerators(LanguageNames.CSharp));
        }

        if (generators.Count == 0)
        {
            return (compilation, failed);
        }

        var driver = CSharpGeneratorDriver.Create(generators, additionalFiles, (CSharpParseOptions)arguments.ParseOptions, options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var updated, out var diagnostics, cancellationToken);

        // CS8784/CS8785: a generator failed to initialise or threw; its output is missing, as the build's would be.
        failed.AddRange(diagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        return ((CSharpCompilation)updated, failed);
    }

    /// <summary>Loads analyzer assemblies and their neighbours by path; Roslyn and the framework come from the tool's own context.</summary>
    private sealed class Loader : AssemblyLoadContext, IAnalyzerAssemblyLoader
    {
        private readonly Dictionary<string, string> bySimpleName = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> folders = new(StringComparer.Ordinal);

        public Loader()
            : base("LicenseGuard source generators", isCollectible: false)
        {
        }

        public void AddDependencyLocation(string fullPath)
        {
            lock (bySimpleName)
            {
                bySimpleName.TryAdd(Path.GetFileNameWithoutExtension(fullPath), fullPath);
                folders.Add(Path.GetDirectoryName(fullPath)!);
            }
        }

        public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is { } name && (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib"))
            {
                return null; // the tool's own copies: generators must see the same Roslyn types the driver uses
            }

            string? path;
            lock (bySimpleName)
            {
                // An analyzer's own dependencies ship beside it without being on the command line.
                path = bySimpleName.TryGetValue(assemblyName.Name ?? string.Empty, out var listed) ? listed
                    : folders.Select(f => Path.Combine(f, assemblyName.Name + ".dll")).FirstOrDefault(File.Exists);
            }

            return path != null && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
