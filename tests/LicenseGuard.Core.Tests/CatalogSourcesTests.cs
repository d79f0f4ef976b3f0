using System.Text.Json.Nodes;
using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

/// <summary>
/// Every built-in service (hosts, packages, symbols) and every closed model (ids) names where its facts come from
/// (rules/sources/catalog-sources.json): the vendor's documentation, or the package version they were read from.
/// </summary>
public class CatalogSourcesTests
{
    private static readonly JsonObject Sources =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "sources", "catalog-sources.json")))!.AsObject();

    public static TheoryData<string> ServiceIds() => new(RulesCatalog.BuiltIn.Services.Select(s => s.Id));

    public static TheoryData<string> ClosedModelIds() => new(RulesCatalog.BuiltIn.Models.Where(m => !m.OpenWeights).Select(m => m.Id));

    [Theory]
    [MemberData(nameof(ServiceIds))]
    public void EachServiceNamesItsSources(string id) => AssertSources(Sources["services"]![id], "service " + id);

    [Theory]
    [MemberData(nameof(ClosedModelIds))]
    public void EachClosedModelNamesItsSources(string id) => AssertSources(Sources["models"]![id], "model " + id);

    [Fact]
    public void TheSourcesAreDatedAndNameOnlyCatalogEntries()
    {
        Assert.True(DateTime.TryParseExact(Sources["date"]!.GetValue<string>(), "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out _));
        Assert.DoesNotContain(Sources["services"]!.AsObject().Select(p => p.Key), id => RulesCatalog.BuiltIn.FindService(id) == null);
        Assert.DoesNotContain(Sources["models"]!.AsObject().Select(p => p.Key), id => RulesCatalog.BuiltIn.FindModel(id) is not { OpenWeights: false });
    }

    private static void AssertSources(JsonNode? sources, string entry)
    {
        Assert.True(sources is JsonArray { Count: > 0 }, $"{entry} names no source in rules/sources/catalog-sources.json");
        foreach (string source in sources!.AsArray().Select(s => s!.GetValue<string>()))
        {
            Assert.True(
                (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps) || System.Text.RegularExpressions.Regex.IsMatch(source, @"^package:[A-Za-z0-9._-]+@[0-9][A-Za-z0-9.+-]*$"),
                $"{entry}: '{source}' is neither an https URL nor package:<id>@<version>");
        }
    }
}
