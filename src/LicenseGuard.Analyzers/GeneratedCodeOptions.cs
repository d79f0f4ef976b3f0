using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LicenseGuard.Analyzers
{
    /// <summary>Reads <see cref="AnalyzerOptionKeys.AnalyzeGeneratedCode"/> once per syntax tree.</summary>
    internal sealed class GeneratedCodeOptions
    {
        private readonly AnalyzerOptions options;
        private readonly ConcurrentDictionary<SyntaxTree, bool> perTree = new ConcurrentDictionary<SyntaxTree, bool>();

        public GeneratedCodeOptions(AnalyzerOptions options)
        {
            this.options = options;
        }

        public bool ShouldAnalyze(SyntaxTree tree) => perTree.GetOrAdd(tree, Read);

        private bool Read(SyntaxTree tree)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            if (!config.TryGetValue(AnalyzerOptionKeys.AnalyzeGeneratedCode, out var value))
            {
                options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(AnalyzerOptionKeys.AnalyzeGeneratedCode, out value);
            }

            return !string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        }
    }
}
