using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.Matching;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LicenseGuard.Analyzers.Tests;

/// <summary>
/// LG1001's pre-check runs before the catalog is loaded: whether any catalogued SDK symbol could exist in a compilation, from
/// the compiled-in digest. It must say yes wherever the SDK is referenced (or its namespace is the user's own), and no for
/// ordinary code, where "Microsoft" alone (the old root-namespace test) is in every compilation.
/// </summary>
public class CatalogAccessTests
{
    [Fact]
    public async Task SdkSymbolsCouldExistOnlyWhereTheirNamespacesAndTypesDo()
    {
        var withSdks = await AnalyzerRunner.CompileAsync(new[] { "public static class App { }" });
        Assert.True(ServiceSymbolIndex.AnyCouldExist(withSdks, CatalogDigest.BuiltIn.Symbols));

        var plain = CSharpCompilation.Create("Plain", new[] { CSharpSyntaxTree.ParseText("namespace Microsoft.Contoso { public static class App { } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        Assert.False(ServiceSymbolIndex.AnyCouldExist(plain, CatalogDigest.BuiltIn.Symbols));

        // The user's own namespace named like an SDK's: the pre-check lets it through, the matcher decides (no finding there).
        var ownNamespace = plain.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace OpenAI.Samples { public static class Demo { } }"));
        Assert.True(ServiceSymbolIndex.AnyCouldExist(ownNamespace, CatalogDigest.BuiltIn.Symbols));
    }

    [Theory]
    [InlineData("T:Contoso.Ai.Client", "namespace Contoso.Ai { public class Client { } }", true)]
    [InlineData("T:Contoso.Ai.Client", "namespace Contoso.Ai { public class Other { } }", false)]
    [InlineData("M:Contoso.Ai.Client.Send(System.String)", "namespace Contoso.Ai { public class Client { public void Send(string s) { } } }", true)]
    [InlineData("T:Contoso.Ai.Client`1", "namespace Contoso.Ai { public class Client<T> { } }", true)]
    [InlineData("N:Contoso.Ai", "namespace Contoso { public class Ai { } }", true)]
    [InlineData("N:Contoso.Ai", "namespace Contoso.Web { }", false)]
    public void ASymbolCouldExistWhenItsNamespacesAndItsTypeDo(string symbol, string source, bool expected)
    {
        var compilation = CSharpCompilation.Create("Lib", new[] { CSharpSyntaxTree.ParseText(source) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        Assert.Equal(expected, ServiceSymbolIndex.AnyCouldExist(compilation, new[] { symbol }));
    }

    [Fact]
    public void APolicyOnlyRulesFileKeepsTheCompiledDigestAndLoadsItsCatalogOnFirstUse()
    {
        // The usual licenseguard.json sets the policy (and perhaps licences): it cannot change what LG1001-LG1003 look for.
        var policyOnly = Options(("/repo/licenseguard.json", """
            { "$schema": "x", "policy": { "classes": { "weak-copyleft": "deny" } },
              "licenses": [ { "id": "LicenseRef-proprietary", "name": "Vendor terms", "class": "non-commercial" } ],
              "tasks": [ { "id": "chat", "note": "Our own note." } ] }
            """));
        var access = CatalogAccess.Get(policyOnly, CancellationToken.None);
        Assert.Same(CatalogDigest.BuiltIn, access.Digest);
        Assert.True(access.IsEnabled("LG1003"));

        // Its catalog, when a candidate needs it, is the effective one (the user's licence class), not the built-in one.
        Assert.Equal("non-commercial", access.Snapshot.Catalog.ClassOf("LicenseRef-proprietary"));
        Assert.Equal("proprietary", CatalogSnapshot.BuiltIn.Catalog.ClassOf("LicenseRef-proprietary"));

        // So does a rules section that only sets the code rules' severities (and anything of the other rules).
        var severities = CatalogAccess.Get(Options(("/repo/licenseguard.json", """{ "rules": { "LG1003": { "severity": "error" }, "lg1001": { "severity": "info" }, "LG3001": { "ignore": ["Contoso.*"] } } }""")), CancellationToken.None);
        Assert.Same(CatalogDigest.BuiltIn, severities.Digest);
        Assert.Equal("error", severities.Snapshot.Catalog.GetRule("LG1003").Severity);
        Assert.Equal(new[] { "Contoso.*" }, severities.Snapshot.Catalog.GetRule("LG3001").Ignore);

        // A rules file that touches services, models or the code rules' ignore lists and switches is loaded at once and
        // decides the digest and the rules.
        Assert.NotSame(CatalogDigest.BuiltIn, CatalogAccess.Get(Options(("/repo/licenseguard.json", """{ "rules": { "LG1003": { "ignore": ["gpt-4o*"] } } }""")), CancellationToken.None).Digest);
        var withRules = Options(("/repo/licenseguard.json", """{ "rules": { "LG1003": { "enabled": false } } }"""));
        var loaded = CatalogAccess.Get(withRules, CancellationToken.None);
        Assert.NotSame(CatalogDigest.BuiltIn, loaded.Digest);
        Assert.False(loaded.IsEnabled("LG1003"));
        var withModels = CatalogAccess.Get(Options(("/repo/licenseguard.json", """{ "models": [ { "id": "acme-1", "name": "Acme 1", "vendor": "Acme", "license": "LicenseRef-proprietary", "ids": ["acme-1*"] } ] }""")), CancellationToken.None);
        Assert.True(withModels.Digest.ClosedIds.CouldMatch("acme-1-large"));
        Assert.False(CatalogDigest.BuiltIn.ClosedIds.CouldMatch("acme-1-large"));

        // So is one that is not valid JSON (LG9001 reports it).
        Assert.NotSame(CatalogDigest.BuiltIn, CatalogAccess.Get(Options(("/repo/licenseguard.json", "{ \"policy\": ")), CancellationToken.None).Digest);
    }

    private static Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions Options(params (string Path, string Text)[] files) =>
        new(System.Collections.Immutable.ImmutableArray.CreateRange(files.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text))));
}
