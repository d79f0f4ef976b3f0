using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace LicenseGuard.Core.Tests;

/// <summary>The JSON Schema in rules/schema/ describes exactly what the loader reads, and every shipped file obeys it.</summary>
public class SchemaTests
{
    private static readonly string Root = AppContext.BaseDirectory;
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Root, "rules", "schema", "licenseguard.schema.json")));

    public static TheoryData<string> RulesAndExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "rules"), "*.json").Concat(Directory.GetFiles(Path.Combine(Root, "docs", "examples"), "*.json")))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RulesAndExamples))]
    public void FileValidatesAgainstTheSchema(string relativePath)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, relativePath)), options);

        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void ExampleLoadsWithoutProblems()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docs", "examples", "licenseguard.json"));
        var catalog = LicenseGuard.Catalog.RulesCatalog.Load(new[] { new LicenseGuard.Catalog.RulesSource("licenseguard.json", text) });
        Assert.Empty(catalog.Problems.Select(p => p.ToString()));
        Assert.Equal("error", catalog.FindService("anthropic")!.Severity);
    }

    [Fact]
    public void SchemaPropertiesAreExactlyTheLoaderKeys()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "rules", "schema", "licenseguard.schema.json")))!;
        var definitions = new Dictionary<string, string> { ["licenses"] = "license", ["runtimes"] = "runtime", ["tasks"] = "task", ["models"] = "model", ["services"] = "service", ["sinks"] = "sink", ["rules"] = "rule" };
        foreach (var (section, keys) in LicenseGuard.Catalog.RulesLoader.KnownKeys)
        {
            var properties = section switch
            {
                "" => schema["properties"]!,
                "policy" => schema["properties"]!["policy"]!["properties"]!,
                "policy.exceptions" => schema["properties"]!["policy"]!["properties"]!["exceptions"]!["items"]!["properties"]!,
                "policy.clarify" => schema["properties"]!["policy"]!["properties"]!["clarify"]!["items"]!["properties"]!,
                _ => schema["$defs"]![definitions[section]]!["properties"]!,
            };
            Assert.Equal(keys.OrderBy(k => k), properties.AsObject().Select(p => p.Key).OrderBy(k => k));
        }
    }

    [Fact]
    public void EveryPropertyHasADescription()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "rules", "schema", "licenseguard.schema.json")))!;
        foreach (var definition in schema["$defs"]!.AsObject().Where(d => d.Value!["properties"] != null))
        {
            foreach (var property in definition.Value!["properties"]!.AsObject())
            {
                bool described = property.Value!["description"] != null || property.Value["$ref"]?.GetValue<string>() is "#/$defs/id" or "#/$defs/enabled" or "#/$defs/severity";
                Assert.True(described, $"{definition.Key}.{property.Key}");
            }
        }
    }
}
