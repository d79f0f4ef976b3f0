using System.Text.Json;

namespace LicenseGuard.Cli.Tests;

/// <summary>`licenseguard rules validate`, `rules show` and `rules catalog`, through the real tool.</summary>
public class RulesCommandTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    [Fact]
    public void ValidateReportsEveryProblemWithItsPositionAndExitsThree()
    {
        string file = Path.Combine(feed.Root, "licenseguard.bad.json");
        File.WriteAllText(file, "{\n  \"services\": [ { \"id\": \"x\", \"symbols\": [\"Contoso.Client\"] } ],\n  \"nope\": 1\n}\n");

        var (code, stdout, _) = feed.Tool(null, "rules", "validate", file);

        Assert.Equal(3, code);
        Assert.Contains($"{file}(2,42): warning LG9001: Invalid value 'Contoso.Client'", stdout);
        Assert.Contains($"{file}(3,3): warning LG9001: Unknown key 'nope'", stdout);
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
        Assert.Matches(@"alternatives\.chat +Qwen2\.5 7B \(Apache-2\.0, permissive\) via OllamaSharp", service);
        Assert.Matches(@"alternatives\.image-generation +Stable Diffusion 1\.x \(CreativeML OpenRAIL-M, open-weights-restricted: use restrictions passed on to users\) via StableDiffusion\.NET", service);
        Assert.Matches(@"alternatives\.speech-to-text +Whisper \(MIT, permissive\) via Whisper\.net", service);
        Assert.Matches(@"alternatives\.embeddings +all-MiniLM-L6-v2", service);
    }

    [Fact]
    public void ShowDescribesATaskAndTheAlternativesOfAClosedModel()
    {
        var (code, stdout, _) = feed.Tool(null, "rules", "show", "image-generation", "--json");
        Assert.Equal(0, code);
        using var task = JsonDocument.Parse(stdout);
        Assert.Equal("task", task.RootElement.GetProperty("kind").GetString());
        Assert.Contains("FLUX.1 [schnell] (Apache-2.0, permissive) via StableDiffusion.NET", task.RootElement.GetProperty("alternatives").GetString());
        Assert.Contains("openai", task.RootElement.GetProperty("services").GetString());

        var (_, model, _) = feed.Tool(null, "rules", "show", "whisper-api");
        Assert.Contains("tasks        speech-to-text", model);
        Assert.Contains("alternatives Whisper (MIT, permissive) via Whisper.net", model);
    }

    [Fact]
    public void TheCatalogPageInDocsIsTheCatalog()
    {
        var (code, stdout, stderr) = feed.Tool(null, "rules", "catalog");
        Assert.True(code == 0, stderr);
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "catalog.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(page == stdout.Replace("\r\n", "\n", StringComparison.Ordinal), "docs/catalog.md is out of date: run 'dotnet run --project src/LicenseGuard.Cli -- rules catalog -o docs/catalog.md' at the repository root.");
        foreach (var task in new[] { "### Image generation (`image-generation`)", "### Embeddings (`embeddings`)", "### Speech to text (`speech-to-text`)", "### Text completion (`completion`)" })
        {
            Assert.Contains(task, stdout);
        }
    }

    [Fact]
    public void TheCatalogPageShowsTheUsersOwnRules()
    {
        string directory = Path.Combine(feed.Root, "catalog-with-rules");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "licenseguard.json"), """{ "services": [ { "id": "contoso", "name": "Contoso LLM gateway", "tasks": ["chat"], "hosts": ["llm.contoso.example"] } ] }""");
        string output = Path.Combine(directory, "catalog.md");

        var (code, _, stderr) = feed.Tool(directory, "rules", "catalog", "-o", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("| Contoso LLM gateway | `contoso` | chat | — | `llm.contoso.example` |", File.ReadAllText(output));

        // A problem in the rules file is named with its position, the page is still written, and the exit code says so.
        File.WriteAllText(Path.Combine(directory, "licenseguard.json"), "{ \"models\": [ { \"id\": \"x\", \"tasks\": [\"telepathy\"] } ] }");
        var (badCode, _, badStderr) = feed.Tool(directory, "rules", "catalog", "-o", output);
        Assert.Equal(3, badCode);
        Assert.Contains("licenseguard.json(1,38): warning LG9001: Unknown task 'telepathy'", badStderr);
        Assert.Contains("## Tasks and their open alternatives", File.ReadAllText(output));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "LicenseGuard.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("LicenseGuard.sln not found above " + AppContext.BaseDirectory);
        }

        return directory.FullName;
    }

    [Fact]
    public void ShowUnknownIdIsAUsageError()
    {
        var (code, _, stderr) = feed.Tool(null, "rules", "show", "no-such-thing");
        Assert.Equal(2, code);
        Assert.Contains("not a service, model, task, licence or runtime id", stderr);
    }
}
