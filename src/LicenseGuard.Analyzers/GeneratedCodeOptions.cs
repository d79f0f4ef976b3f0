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
        private static readonly object Yes = true;
        private static readonly object No = false;

        // Boxed values: a dictionary over reference types runs the framework's precompiled code, one over bool is JIT-compiled
        // in every compiler process.
        private readonly ConcurrentDictionary<SyntaxTree, object> perTree = new ConcurrentDictionary<SyntaxTree, object>();

        public GeneratedCodeOptions(AnalyzerOptions options)
        {
            this.options = options;
        }

        public bool ShouldAnalyze(SyntaxTree tree) => perTree.GetOrAdd(tree, Read) == Yes;

        private object Read(SyntaxTree tree)
        {
            var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            if (!config.TryGetValue(AnalyzerOptionKeys.AnalyzeGeneratedCode, out var value))
            {
                options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(AnalyzerOptionKeys.AnalyzeGeneratedCode, out value);
            }

            return string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase) ? No : Yes;
        }
    }
}
