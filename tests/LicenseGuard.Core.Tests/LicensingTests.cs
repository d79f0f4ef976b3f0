using LicenseGuard.Licensing;

namespace LicenseGuard.Core.Tests;

public class LicenseExpressionTests
{
    [Theory]
    [InlineData("MIT", "MIT")]
    [InlineData("MIT OR Apache-2.0", "(MIT OR Apache-2.0)")]
    [InlineData("mit or apache-2.0 and BSD-3-Clause", "(mit OR (apache-2.0 AND BSD-3-Clause))")]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause", "((MIT OR Apache-2.0) AND BSD-3-Clause)")]
    [InlineData("GPL-2.0+ WITH Classpath-exception-2.0", "GPL-2.0+ WITH Classpath-exception-2.0")]
    [InlineData("LicenseRef-Contoso-EULA", "LicenseRef-Contoso-EULA")]
    [InlineData("DocumentRef-spdx:LicenseRef-x", "DocumentRef-spdx:LicenseRef-x")]
    public void ParsesSpdxSyntax(string text, string expected) => Assert.Equal(expected, LicenseExpression.Parse(text).ToString());

    [Theory]
    [InlineData("MIT", "MIT")]
    [InlineData("MIT OR Apache-2.0", "MIT OR Apache-2.0")]
    [InlineData("(MIT OR Apache-2.0) AND BSD-3-Clause", "(MIT OR Apache-2.0) AND BSD-3-Clause")]
    [InlineData("(MIT OR Apache-2.0) AND (BSD-3-Clause OR ISC)", "(MIT OR Apache-2.0) AND (BSD-3-Clause OR ISC)")]
    public void DisplayDropsOnlyTheOuterParentheses(string text, string expected) => Assert.Equal(expected, LicenseExpression.Parse(text).ToDisplayString());

    [Theory]
    [InlineData("")]
    [InlineData("MIT OR")]
    [InlineData("AND MIT")]
    [InlineData("(MIT")]
    [InlineData("MIT)")]
    [InlineData("MIT WITH")]
    [InlineData("MIT Apache-2.0")]
    [InlineData("MIT/Apache")]
    [InlineData("+")]
    public void RejectsMalformedExpressions(string text)
    {
        Assert.False(LicenseExpression.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void DeepNestingIsRejected()
    {
        Assert.False(LicenseExpression.TryParse(new string('(', 100) + "MIT" + new string(')', 100), out _, out _));
    }

    [Theory]
    [InlineData("GPL-3.0-only", "GPL-3.0", false)]
    [InlineData("GPL-3.0-or-later", "GPL-3.0", true)]
    [InlineData("LGPL-2.1+", "LGPL-2.1", true)]
    [InlineData("MIT", "MIT", false)]
    public void TermsKnowTheirBaseAndLaterVersions(string text, string baseId, bool orLater)
    {
        var term = Assert.Single(LicenseExpression.Parse(text).Terms);
        Assert.Equal((baseId, orLater), (term.BaseId, term.OrLater));
    }
}

public class PackageVersionTests
{
    [Theory]
    [InlineData("1.0", "1.0.0.0", 0)]
    [InlineData("4.5.3.3", "4.5.3.2", 1)]
    [InlineData("1.0.0-beta", "1.0.0", -1)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.10", -1)]
    [InlineData("1.0.0-alpha", "1.0.0-beta", -1)]
    [InlineData("2.0.0+build.5", "2.0.0", 0)]
    public void ComparesLikeNuGet(string a, string b, int expected)
    {
        Assert.True(PackageVersion.TryParse(a, out var x));
        Assert.True(PackageVersion.TryParse(b, out var y));
        Assert.Equal(expected, Math.Sign(x!.CompareTo(y)));
    }

    [Theory]
    [InlineData("[4.5.3.3]", "4.5.3.3", true)]
    [InlineData("[4.5.3.3]", "4.5.3.4", false)]
    [InlineData("4.5", "5.0.0", true)]
    [InlineData("4.5", "4.4", false)]
    [InlineData("[1.0,2.0)", "2.0", false)]
    [InlineData("[1.0,2.0)", "1.9.9", true)]
    [InlineData("(,2.0]", "0.1", true)]
    [InlineData("(1.0,)", "1.0", false)]
    [InlineData("*", "0.0.1-alpha", true)]
    public void RangesContainVersions(string range, string version, bool expected)
    {
        Assert.True(PackageVersionRange.TryParse(range, out var r));
        Assert.True(PackageVersion.TryParse(version, out var v));
        Assert.Equal(expected, r!.Contains(v!));
    }

    [Theory]
    [InlineData("[1.0")]
    [InlineData("[,]")]
    [InlineData("(1.0)")]
    [InlineData("abc")]
    [InlineData("1.2.3.4.5")]
    public void MalformedRangesAreRejected(string range) => Assert.False(PackageVersionRange.TryParse(range, out _));
}
