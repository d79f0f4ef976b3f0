using System.Reflection;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers.Tests;

/// <summary>Every descriptor has its help link, doc page, release-tracking line, package default and test class.</summary>
public class DescriptorTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void DescriptorsAreComplete()
    {
        foreach (var descriptor in AllDescriptors())
        {
            Assert.Equal(DiagnosticIds.GetHelpUri(descriptor.Id), descriptor.HelpLinkUri);
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()), descriptor.Id);
            Assert.NotEqual(descriptor.Title.ToString(), descriptor.MessageFormat.ToString());
            Assert.StartsWith("LicenseGuard.", descriptor.Category, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachIdHasADocPageWithTheStandardSections(string id)
    {
        string page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rules", id + ".md"));
        Assert.StartsWith($"# {id}: ", page, StringComparison.Ordinal);
        foreach (var heading in new[] { "## Cause", "## Rule description", "## How to fix", "## How to suppress", "## Configured by", "## Example" })
        {
            Assert.Contains(heading, page);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachIdIsReleaseTracked(string id)
    {
        string releases = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "releases", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "releases", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"\n{id} |", releases);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EachIdHasAnIdSpecificPackageDefault(string id)
    {
        string config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "package", "LicenseGuard.globalconfig"));
        Assert.Contains($"dotnet_diagnostic.{id}.severity = default", config);
        Assert.Contains("global_level = -1", config);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ThePackageReadmeListsEachId(string id)
    {
        string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "package", "README.md"));
        Assert.Contains($"| {id} | ", readme);
    }

    [Fact]
    public void RulesIndexListsEveryIdWithItsTitleAndDefaults()
    {
        string index = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rules", "README.md"));
        foreach (var descriptor in AllDescriptors())
        {
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} |", index);
        }
    }

    [Fact]
    public void EachAnalyzerHasATestClassNamedAfterIt()
    {
        var testClasses = typeof(DescriptorTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet();
        foreach (var analyzer in typeof(Descriptors).Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer))))
        {
            Assert.Contains(analyzer.Name + "Tests", testClasses);
        }
    }

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
}
