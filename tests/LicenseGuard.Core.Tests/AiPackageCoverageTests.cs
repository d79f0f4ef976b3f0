using System.Text.Json.Nodes;
using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

/// <summary>
/// Coverage by construction: every package of the registry snapshot the AI filter selects (rules/coverage/nuget-ai-packages.json)
/// is classified — a service's SDK (services.json), an open runtime (runtimes.json), or a local runtime, a provider-neutral
/// abstraction or not AI, with a reason — and by exactly one of them. A refresh that brings a new AI package fails here until
/// someone decides what it is.
/// </summary>
public class AiPackageCoverageTests
{
    private static readonly string[] DeclaredClasses = ["local-runtime", "abstraction", "not-ai"];

    private static readonly JsonObject Snapshot =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "coverage", "nuget-ai-packages.json")))!.AsObject();

    private static IReadOnlyList<string> Terms => Snapshot["terms"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();

    private static List<string> Ids => Snapshot["packages"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();

    public static TheoryData<string> PackageIds() => new(Ids);

    [Fact]
    public void TheSnapshotIsDatedSourcedAndSelectedFromTheWholeListing()
    {
        Assert.True(DateTime.TryParseExact(Snapshot["date"]!.GetValue<string>(), "yyyy-MM-dd", null, System.Globalization.DateTimeStyles.None, out _));
        Assert.False(string.IsNullOrWhiteSpace(Snapshot["source"]!.GetValue<string>()));
        var ids = Ids;
        Assert.True(Snapshot["listed"]!.GetValue<int>() > ids.Count * 10, "the filter ran over a whole registry listing, not a hand-picked list");
        Assert.Equal(ids.Order(StringComparer.OrdinalIgnoreCase), ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void EachPackageIsSelectedByTheWrittenFilterAndClassifiedOnce(string id)
    {
        var entry = Snapshot["packages"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == id)!;
        Assert.NotEmpty(AiPackageFilter.Matches(id, entry["summary"]!.GetValue<string>(), Terms));

        var service = RulesCatalog.BuiltIn.FindServiceByPackage(id);
        var runtime = RulesCatalog.BuiltIn.Runtimes.FirstOrDefault(r => r.Packages.Contains(id, StringComparer.OrdinalIgnoreCase));
        string? declared = entry["class"]?.GetValue<string>();
        var classifications = new[] { service == null ? null : "service " + service.Id, runtime == null ? null : "runtime " + runtime.Id, declared }.OfType<string>().ToList();
        Assert.True(classifications.Count == 1, $"{id}: {(classifications.Count == 0 ? "not classified: add it to a service's packages in services.json, a runtime's in runtimes.json, or give it a class and reason in rules/coverage/nuget-ai-packages.json" : "classified more than once: " + string.Join(", ", classifications))}");
        if (declared != null)
        {
            Assert.Contains(declared, DeclaredClasses);
            Assert.False(string.IsNullOrWhiteSpace(entry["reason"]?.GetValue<string>()), $"{id}: a {declared} needs a reason");
        }
    }

    [Theory]
    [InlineData("Microsoft.ML.OnnxRuntimeGenAI", "", "ai")]
    [InlineData("LLamaSharp.Backend.Cpu", "", "llama")]
    [InlineData("AWSSDK.BedrockRuntime", "Amazon Bedrock Runtime", "bedrock")]
    [InlineData("Contoso.Billing", "Payments with machine learning fraud scores", "machine learning")]
    public void TheFilterMatchesIdWordsPrefixesAndPhrases(string id, string summary, string term) =>
        Assert.Contains(term, AiPackageFilter.Matches(id, summary, Terms));

    [Theory]
    [InlineData("Aimbot.Tools", "A tool.")]
    [InlineData("Contoso.Mailer", "Sends mail; tail and detail are words, not terms.")]
    public void TheFilterDoesNotMatchPartsOfOtherWords(string id, string summary) =>
        Assert.Empty(AiPackageFilter.Matches(id, summary, Terms));
}
