using LicenseGuard.Catalog;
using LicenseGuard.Gather.Licensing;
using LicenseGuard.Inventory;
using LicenseGuard.Policy;

namespace LicenseGuard.Gather.Tests;

/// <summary>
/// Licence files that are a vendor's own terms, known by the shape of their title when no SPDX text, notice or choice
/// matched: source-available licences and end-user or community licence agreements (often free below a revenue threshold)
/// are proprietary. A title pattern can never make a file permissive.
/// </summary>
public class VendorTermsTitleTests
{
    private const string Terms = """

        1. You may use the Software in production only if your organisation's annual revenue is below USD 1,000,000.
        2. The source code is published for reference; you may not offer the Software as a hosted service.
        3. Any other use requires a paid licence.
        """;

    [Theory]
    [InlineData("Contoso Source Available License, Version 1.0", "LicenseRef-source-available")]
    [InlineData("# Fabrikam Source-Available Licence", "LicenseRef-source-available")]
    [InlineData("CONTOSO SOFTWARE END USER LICENSE AGREEMENT", "LicenseRef-vendor-eula")]
    [InlineData("**Fabrikam PDF Community License**", "LicenseRef-vendor-eula")]
    [InlineData("Contoso Commercial License Agreement v3", "LicenseRef-vendor-eula")]
    public void AVendorsTermsAreProprietaryByTheirTitle(string title, string expected)
    {
        var (expression, origin) = LicenseFiles.Resolve(title + "\n" + Terms, RulesCatalog.BuiltIn);

        Assert.Equal(expected, expression?.ToDisplayString());
        Assert.Equal("proprietary", DependencyEvaluator.ClassOf(expression!.Terms.Single(), RulesCatalog.BuiltIn));
        Assert.Contains("title patterns", origin, StringComparison.Ordinal);
    }

    [Fact]
    public void AnSpdxTextUnderAVendorLikeTitleIsStillThatText()
    {
        string mit = "Contoso Community License\n\nCopyright (c) 2024 Contoso\n\n" + MitBody;

        Assert.Equal("MIT", LicenseFiles.Resolve(mit, RulesCatalog.BuiltIn).Expression?.ToDisplayString());
    }

    [Fact]
    public void ATitlePatternOnAPermissiveLicenceIsIgnored()
    {
        var catalog = RulesCatalog.Load(new[]
        {
            new RulesSource("/repo/licenseguard.json", """
                { "licenses": [ { "id": "LicenseRef-contoso-free", "name": "Contoso free licence", "class": "permissive", "titles": ["*Free Software License*"] } ] }
                """),
        });

        Assert.Null(LicenseFiles.Resolve("Contoso Free Software License\n" + Terms, catalog).Expression);
    }

    private const string MitBody = """
        Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
        documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
        rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
        persons to whom the Software is furnished to do so, subject to the following conditions:

        The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
        Software.

        THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
        WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
        COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
        OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
        """;
}
