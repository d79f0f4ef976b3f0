using System.Text.Json;

namespace LicenseGuard.Cli.Tests;

/// <summary>
/// `licenseguard migrate` on real projects restored from the registry: it adds the open runtime's package, applies LG1001's code
/// fix, removes the proprietary SDK nothing uses any more, builds, and only then writes; `--dry-run` writes nothing.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private const string AdapterCode = """
        using Microsoft.Extensions.AI;
        using OpenAI;

        namespace Migrating;

        public static class Clients
        {
            public static IChatClient Chat(string key) =>
                new OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient();

            public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(string key) =>
                new OpenAIClient(key).GetEmbeddingClient("text-embedding-3-small").AsIEmbeddingGenerator();
        }
        """;

    private const string DirectCode = """
        using OpenAI.Chat;

        namespace Migrating;

        public static class Direct
        {
            public static string Ask(string key, string question)
            {
                ChatClient client = new("gpt-4o-mini", key);
                return client.CompleteChat(question).Value.Content[0].Text;
            }
        }
        """;

    // The SDK's documented way: a client (with options) in a variable, a ChatClient from its factory, the adapter last.
    private const string HeldInVariablesCode = """
        using System.ClientModel;
        using Microsoft.Extensions.AI;
        using OpenAI;
        using OpenAI.Chat;

        namespace Migrating;

        public static class Held
        {
            public static IChatClient Chat(string key)
            {
                var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") };
                var client = new OpenAIClient(new ApiKeyCredential(key), options);
                ChatClient chat = client.GetChatClient("gpt-4o-mini");
                return chat.AsIChatClient();
            }
        }
        """;

    private readonly string root = Directory.CreateTempSubdirectory("licenseguard-migrate-").FullName;

    [Fact]
    public void DryRunShowsTheWholeChangeAsADiffAndWritesNothing()
    {
        string project = Project(("Clients.cs", AdapterCode));
        var before = Snapshot(project);

        var (code, stdout, stderr) = ToolRunner.Run(project, "migrate", "--dry-run", "--json");

        Assert.True(code == 0, stderr + stdout);
        Assert.Equal(before, Snapshot(project));
        Assert.Equal(["App"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
        using var report = JsonDocument.Parse(stdout);
        var json = report.RootElement;
        Assert.Equal(("OllamaSharp", true, false, true), (json.GetProperty("runtime").GetString(), json.GetProperty("dryRun").GetBoolean(), json.GetProperty("written").GetBoolean(), json.GetProperty("built").GetBoolean()));
        Assert.All(json.GetProperty("findings").EnumerateArray(), f => Assert.True(f.GetProperty("fixed").GetBoolean()));
        Assert.Equal(["qwen2.5-7b", "all-minilm-l6-v2"], json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("model").GetString()));
        Assert.Equal(["OllamaSharp"], json.GetProperty("packagesAdded").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["Microsoft.Extensions.AI.OpenAI"], json.GetProperty("packagesRemoved").EnumerateArray().Select(p => p.GetString()));
        string diff = json.GetProperty("diff").GetString()!;
        Assert.Contains("-    <PackageReference Include=\"Microsoft.Extensions.AI.OpenAI\" Version=\"10.11.0\" />", diff);
        Assert.Contains("+    <PackageReference Include=\"OllamaSharp\"", diff);
        Assert.Contains("-using OpenAI;", diff);
        Assert.Contains("+        new OllamaSharp.OllamaApiClient(new System.Uri(\"http://localhost:11434\"), \"qwen2.5:7b\");", diff);
    }

    [Fact]
    public void AMigratedProjectBuildsAndHasNoProprietaryCallOrSdkLeft()
    {
        string project = Project(("Clients.cs", AdapterCode));

        var (code, stdout, stderr) = ToolRunner.Run(project, "migrate");

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("2 of 2 LG1001 finding(s) rewritten, written.", stdout);
        string csproj = File.ReadAllText(Path.Combine(project, "App.csproj"));
        Assert.Contains("Include=\"OllamaSharp\"", csproj);
        Assert.DoesNotContain("OpenAI", csproj);
        Assert.DoesNotContain("using OpenAI;", File.ReadAllText(Path.Combine(project, "Clients.cs")));
        var build = DotnetCommand.Run(project, "build", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);
        var (scanCode, scan, scanErrors) = ToolRunner.Run(project, "scan", "--json");
        Assert.True(scanCode == 0, scanErrors + scan);
        Assert.DoesNotContain("\"LG1001\"", scan);
        Assert.DoesNotContain("\"LG3003\"", scan);
    }

    [Fact]
    public void CodeTheFixCannotRewriteIsListedWithWhyAndTheSdkItStillNeedsIsKept()
    {
        string project = Project(("Clients.cs", AdapterCode), ("Direct.cs", DirectCode));

        var (code, stdout, stderr) = ToolRunner.Run(project, "migrate");

        // Exit 1: the project was migrated as far as the fix goes, and findings are left for a person.
        Assert.True(code == 1, stderr + stdout);
        Assert.Contains("2 of 4 LG1001 finding(s) rewritten, written.", stdout);
        Assert.Contains("not fixed  Direct.cs:9  new(\"gpt-4o-mini\", key): no automatic rewrite", stdout);
        Assert.Contains("the migrated project builds", stdout);
        string csproj = File.ReadAllText(Path.Combine(project, "App.csproj"));
        Assert.Contains("Include=\"Microsoft.Extensions.AI.OpenAI\"", csproj);
        Assert.Contains("Include=\"OllamaSharp\"", csproj);
        var build = DotnetCommand.Run(project, "build", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);
    }

    [Fact]
    public void TheProvidersObjectsTheRewriteLeavesUnusedAreRemovedWithTheirImportsAndPackages()
    {
        string project = Project(("Held.cs", HeldInVariablesCode));

        var (code, stdout, stderr) = ToolRunner.Run(project, "migrate");

        Assert.True(code == 0, stderr + stdout);
        Assert.Contains("4 of 4 LG1001 finding(s) rewritten, written.", stdout);
        Assert.Equal(3, stdout.Split('\n').Count(l => l.TrimStart().StartsWith("removed ", StringComparison.Ordinal) && l.EndsWith(": unused after the rewrite", StringComparison.Ordinal)));
        string held = File.ReadAllText(Path.Combine(project, "Held.cs"));
        Assert.Equal(["using Microsoft.Extensions.AI;"], held.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Select(l => l.Trim()));
        Assert.DoesNotContain("OpenAIClient", held);
        Assert.DoesNotContain("OpenAI", File.ReadAllText(Path.Combine(project, "App.csproj")));
        var build = DotnetCommand.Run(project, "build", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);
    }

    [Theory]
    [InlineData("--to", "nosuchruntime")]
    [InlineData("--to", "qwen2.5-7b@nosuchruntime")]
    public void AnUnknownAlternativeIsAUsageErrorThatNamesTheRuntimes(string option, string value)
    {
        string project = Project(("Clients.cs", AdapterCode));

        var (code, _, stderr) = ToolRunner.Run(project, "migrate", option, value);

        Assert.Equal(2, code);
        Assert.Contains("no runtime 'nosuchruntime' in the catalog (runtimes: ollamasharp, ", stderr);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Project(params (string Name, string Text)[] files)
    {
        string project = Path.Combine(root, "App");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.AI.OpenAI" Version="10.11.0" />
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(project, name), text);
        }

        return project;
    }

    private static Dictionary<string, string> Snapshot(string project) =>
        Directory.GetFiles(project).ToDictionary(Path.GetFileName, f => File.ReadAllText(f))!;
}
