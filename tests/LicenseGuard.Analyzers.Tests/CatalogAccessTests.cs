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
}
