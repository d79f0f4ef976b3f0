using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.CodeFixes
{
    /// <summary>Reads the <c>alternatives</c> property the analyzers put on a finding: <c>model@runtime</c> ids, comma-separated, best first.</summary>
    internal static class AlternativeIds
    {
        public static IEnumerable<(string Model, string Runtime)> Of(Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue("alternatives", out var alternatives) || alternatives == null)
            {
                yield break;
            }

            foreach (var alternative in alternatives.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = alternative.Split('@');
                if (parts.Length == 2)
                {
                    yield return (parts[0], parts[1]);
                }
            }
        }
    }
}
