using System.Text.Json;

namespace LicenseGuard.Cli.Tests;

/// <summary>`licenseguard rules validate` and `rules show`, through the real tool.</summary>
public class RulesCommandTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    [Fact]
    public void ValidateReportsEveryProblemWithItsPositionAndExitsThree()
    {
        string file = Path.Combine(feed.Root, "licenseguard.bad.json");
        File.WriteAllText(file, "{\n  \"services\": [ { \"id\": \"x\", \"symbols\": [\"Contoso.Client\"] } ],\n  \"nope\": 1\n}\n");

        var (code, stdout, _) = feed.Tool(null, "rules", "validate", file);

        Assert.Equal(3, code);
        Assert.Contains($"{file}(2,42): error LG9001: Invalid value 'Contoso.Client'", stdout);
        Assert.Contains($"{file}(3,3): error LG9001: Unknown key 'nope'", stdout);
    }

    [Fact]
    public void ValidateAcceptsTheDocumentedExampleAndReportsJson()
    {
        string file = Path.Combine(feed.Root, "licenseguard.good.json");
        File.WriteAllText(file, """{ "policy": { "classes": { "weak-copyleft": "deny" } }, "rules": { "LG1003": { "enabled": false } } }""");

        var (code, stdout, _) = feed.Tool(null, "rules", "validate", file, "--json");

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(stdout);
        Assert.Equal(0, report.RootElement.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void ShowDescribesModelsLicencesAndServices()
    {
        var (code, stdout, _) = feed.Tool(null, "rules", "show", "llama3.1", "--json");
        Assert.Equal(0, code);
        using var license = JsonDocument.Parse(stdout);
        Assert.Equal(("license", "LicenseRef-hf-llama3.1", "open-weights-restricted", false),
            (license.RootElement.GetProperty("kind").GetString(), license.RootElement.GetProperty("id").GetString(), license.RootElement.GetProperty("class").GetString(), license.RootElement.GetProperty("osi").GetBoolean()));

        var (_, model, _) = feed.Tool(null, "rules", "show", "claude-3.5-sonnet");
        Assert.Contains("model claude-3.5-sonnet", model);
        Assert.Contains("LicenseRef-proprietary (proprietary)", model);

        var (_, service, _) = feed.Tool(null, "rules", "show", "openai");
        Assert.Contains("api.openai.com", service);
        Assert.Contains("Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp", service);
    }

    [Fact]
    public void ShowUnknownIdIsAUsageError()
    {
        var (code, _, stderr) = feed.Tool(null, "rules", "show", "no-such-thing");
        Assert.Equal(2, code);
        Assert.Contains("not a service, model, licence or runtime id", stderr);
    }
}
