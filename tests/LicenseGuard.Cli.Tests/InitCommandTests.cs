using System.Text.Json;
using Json.Schema;

namespace LicenseGuard.Cli.Tests;

/// <summary>`licenseguard init`, through the real tool: a starter file the tool, the loader and the schema all accept.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("licenseguard-init-").FullName;

    [Fact]
    public void InitWritesAValidStarterAndDoesNotOverwriteWithoutForce()
    {
        var (code, _, stderr) = ToolRunner.Run(folder, "init");

        Assert.True(code == 0, stderr);
        string path = Path.Combine(folder, "licenseguard.json");
        string text = File.ReadAllText(path);
        Assert.Contains("\"$schema\": \"https://raw.githubusercontent.com/licenseguard/licenseguard/main/rules/schema/licenseguard.schema.json\"", text);
        Assert.Contains("\"strong-copyleft\": \"deny\"", text);
        Assert.Contains("\"weak-copyleft\": \"warn\"", text);
        Assert.Equal(0, ToolRunner.Run(folder, "rules", "validate", path).ExitCode);
        using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
            Assert.True(Schema.Value.Evaluate(document.RootElement).IsValid);
        }

        File.WriteAllText(path, "{ }");
        Assert.Equal(2, ToolRunner.Run(folder, "init").ExitCode);
        Assert.Equal("{ }", File.ReadAllText(path));
        Assert.Equal(0, ToolRunner.Run(folder, "init", "--force").ExitCode);
        Assert.Contains("\"policy\"", File.ReadAllText(path));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "LicenseGuard.sln")))
        {
            directory = directory.Parent!;
        }

        return JsonSchema.FromText(File.ReadAllText(Path.Combine(directory.FullName, "rules", "schema", "licenseguard.schema.json")));
    });
}
