using LicenseGuard.Catalog;
using LicenseGuard.Matching;

namespace LicenseGuard.Core.Tests;

/// <summary>
/// The compiled-in digest of the built-in catalog is what the analyzers use to skip loading the catalog: it must be exactly
/// what the catalog computes, and its pre-checks must let through everything the catalog could match.
/// </summary>
public class BuiltInDigestTests
{
    [Fact]
    public void TheCompiledInDigestIsTheOneTheBuiltInCatalogComputes()
    {
        AssertGeneratedFileIsCurrent(Path.Combine("src", "LicenseGuard.Core", "Matching", "CatalogDigest.BuiltIn.g.cs"), CatalogDigest.Of(RulesCatalog.BuiltIn).ToCSharp());
    }

    [Fact]
    public void TheCompiledInDigestDecidesAsTheLoadedCatalogDoes()
    {
        var builtIn = CatalogDigest.BuiltIn;
        var computed = CatalogDigest.Of(RulesCatalog.BuiltIn);
        Assert.Equal(computed.Symbols, builtIn.Symbols);
        Assert.NotEmpty(builtIn.Symbols);
        foreach (string value in new[] { "gpt-4o", "us.anthropic.claude-3-5-sonnet-20240620-v1:0", "CLAUDE-3-OPUS", "text-embedding-3-small", "Hello", "application/json", "https://api.openai.com/v1", "https://example.org", "orders.azure.com" })
        {
            Assert.Equal(computed.ClosedIds.CouldMatch(value), builtIn.ClosedIds.CouldMatch(value));
            Assert.Equal(computed.Hosts.CouldMatch(value), builtIn.Hosts.CouldMatch(value));
        }
    }

    [Fact]
    public void EveryRuleIsEnabledInTheBuiltInCatalog()
    {
        // Without rules files of the user's own the analyzers take a rule as enabled without loading the catalog to ask.
        Assert.All(new[] { "LG1001", "LG1002", "LG1003", "LG2001", "LG2002", "LG3001" }, id => Assert.True(RulesCatalog.BuiltIn.GetRule(id).Enabled, id));
        Assert.All(RulesCatalog.BuiltIn.Rules.Values, rule => Assert.True(rule.Enabled));
    }

    /// <summary>
    /// Asserts that a file generated from rules/*.json is what the generator makes of them now; with
    /// LICENSEGUARD_UPDATE_DIGEST=1 it writes the file first.
    /// </summary>
    internal static void AssertGeneratedFileIsCurrent(string relativePath, string expected)
    {
        string path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable("LICENSEGUARD_UPDATE_DIGEST") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(
            File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) == expected,
            $"{path} is out of date with rules/*.json: run 'LICENSEGUARD_UPDATE_DIGEST=1 dotnet test tests/LicenseGuard.Core.Tests --filter \"FullyQualifiedName~BuiltIn|FullyQualifiedName~CompiledCatalog\"' and commit the file.");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "LicenseGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("LicenseGuard.sln not found above " + AppContext.BaseDirectory);
    }
}
