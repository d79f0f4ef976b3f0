using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LicenseGuard.Cli.Tests;

/// <summary>
/// Issue 24, items 5 and 6: `scan` never calls a project clean when it could not see all of its code — a project reference
/// that is not built, code that does not compile — and it runs the source generators the build runs, so generated code is
/// not mistaken for a compile error.
/// </summary>
public sealed class IncompleteCompilationTests(ScanWorkspace workspace) : IClassFixture<ScanWorkspace>, IDisposable
{
    private const string VendoredSdk = """
        namespace Anthropic
        {
            public class AnthropicClient { public Messages Messages { get; } = new Messages(); }
            public class Messages { public string Create(string prompt) => prompt; }
        }
        """;

    [Fact]
    public void AProjectReferenceNotBuiltYetMakesThePartialScanSaySoAndAfterTheBuildItsSdkCallsAreFindings()
    {
        string root = NewSolution(out string app);

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "App", "--json");

        Assert.True(code == 2, stderr + stdout);
        var project = JsonNode.Parse(stdout)!["projects"]![0]!;
        Assert.True(project["partial"]!.GetValue<bool>());
        Assert.Contains("1 referenced assembly is not built yet (Anthropic.Vendored.dll): build the solution first", stderr);

        var build = Run("dotnet", app, "build", "-nologo", "-v", "quiet");
        Assert.True(build.ExitCode == 0, build.Output);
        (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "App", "--json");

        Assert.True(code == 0, stderr + stdout);
        var findings = JsonNode.Parse(stdout)!["projects"]![0]!["findings"]!.AsArray();
        Assert.Equal(new[] { "LG1001", "LG1001" }, findings.Select(f => f!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void CodeThatDoesNotCompileIsAPartialScanInEveryFormat()
    {
        string root = workspace.Copy();
        File.AppendAllText(Path.Combine(root, "App", "TicketTriage.cs"), "\npublic static class Broken { public static int Value => UndefinedThing; }\n");

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "App", "--json");

        Assert.True(code == 2, stderr + stdout);
        Assert.True(JsonNode.Parse(stdout)!["projects"]![0]!["partial"]!.GetValue<bool>());
        Assert.Contains("the code does not compile: TicketTriage.cs(", stderr);
        Assert.Contains("CS0103", stderr);

        var (_, table, _) = ScanWorkspace.Tool(root, "scan", "App");
        Assert.Contains("partial: the code does not compile", table);
        var (_, sarif, _) = ScanWorkspace.Tool(root, "scan", "App", "--format", "sarif");
        Assert.False(JsonNode.Parse(sarif)!["runs"]![0]!["invocations"]![0]!["executionSuccessful"]!.GetValue<bool>());
    }

    [Fact]
    public void CodeThatASourceGeneratorCompletesIsNotAnError()
    {
        string root = workspace.Copy();
        File.WriteAllText(Path.Combine(root, "Clean", "Patterns.cs"), """
            using System.Text.RegularExpressions;

            public static partial class Patterns
            {
                [GeneratedRegex("[0-9]+")]
                public static partial Regex Digits();

                public static bool HasDigits(string text) => Digits().IsMatch(text);
            }
            """);

        var (code, stdout, stderr) = ScanWorkspace.Tool(root, "scan", "Clean", "--json");

        Assert.True(code == 0, stderr + stdout);
        Assert.False(JsonNode.Parse(stdout)!["projects"]![0]!["partial"]!.GetValue<bool>());
    }

    private readonly List<string> solutions = new();

    public void Dispose()
    {
        foreach (string root in solutions)
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private string NewSolution(out string app)
    {
        string root = Directory.CreateTempSubdirectory("licenseguard-vendored-").FullName;
        solutions.Add(root);
        string vendored = Path.Combine(root, "Vendored");
        app = Path.Combine(root, "App");
        Directory.CreateDirectory(vendored);
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(vendored, "Anthropic.Vendored.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
            """);
        File.WriteAllText(Path.Combine(vendored, "Client.cs"), VendoredSdk);
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="../Vendored/Anthropic.Vendored.csproj" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            var client = new Anthropic.AnthropicClient();
            System.Console.WriteLine(client.Messages.Create("hi"));
            """);
        return root;
    }

    private static (int ExitCode, string Output) Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
