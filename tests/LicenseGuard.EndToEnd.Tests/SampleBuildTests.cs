namespace LicenseGuard.EndToEnd.Tests;

/// <summary>`dotnet build` of the samples against the packed LicenseGuard, asserting on SARIF ids, files and lines.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleBuildTests(PackedLicenseGuard package)
{
    [Fact]
    public void SupportBotReportsEveryProprietaryDependencyAtItsLine()
    {
        string project = package.CopySample("SupportBot");
        var build = package.Build(project);

        Assert.True(build.ExitCode == 0, build.Output);
        var expected = new[]
        {
            ("LG1001", "TicketTriage.cs", LineOf(project, "TicketTriage.cs", "new OpenAIClient(apiKey).GetChatClient")),
            ("LG1003", "TicketTriage.cs", LineOf(project, "TicketTriage.cs", "\"gpt-4o-mini\"")),
            ("LG1001", "TicketTriage.cs", LineOf(project, "TicketTriage.cs", "await chat.CompleteChatAsync(")),
            ("LG1003", "ReplyDrafter.cs", LineOf(project, "ReplyDrafter.cs", "\"claude-3-5-sonnet-20241022\"")),
            ("LG1001", "ReplyDrafter.cs", LineOf(project, "ReplyDrafter.cs", "new AnthropicClient().AsIChatClient")),
            ("LG1003", "GeminiTranslator.cs", LineOf(project, "GeminiTranslator.cs", "\"gemini-2.0-flash\"")),
            ("LG1002", "GeminiTranslator.cs", LineOf(project, "GeminiTranslator.cs", "https://generativelanguage.googleapis.com")),
            ("LG1001", "SimilarTickets.cs", LineOf(project, "SimilarTickets.cs", "new(\"text-embedding-3-small\"")),
            ("LG1003", "SimilarTickets.cs", LineOf(project, "SimilarTickets.cs", "\"text-embedding-3-small\"")),
            ("LG1001", "SimilarTickets.cs", LineOf(project, "SimilarTickets.cs", "await embeddings.GenerateEmbeddingAsync(")),
            ("LG1001", "VoiceTickets.cs", LineOf(project, "VoiceTickets.cs", "new AudioClient(")),
            ("LG1003", "VoiceTickets.cs", LineOf(project, "VoiceTickets.cs", "\"whisper-1\"")),
            ("LG1001", "VoiceTickets.cs", LineOf(project, "VoiceTickets.cs", "await audio.TranscribeAudioAsync(")),
            ("LG1002", "appsettings.json", LineOf(project, "appsettings.json", "\"https://api.openai.com/v1\"")),
            ("LG1003", "appsettings.json", LineOf(project, "appsettings.json", "\"o3\"")),
            ("LG3003", "SupportBot.csproj", LineOf(project, "SupportBot.csproj", "Include=\"OpenAI\"")),
            ("LG3003", "SupportBot.csproj", LineOf(project, "SupportBot.csproj", "Include=\"Anthropic\"")),
            ("LG3003", "SupportBot.csproj", LineOf(project, "SupportBot.csproj", "Include=\"Microsoft.Extensions.AI.OpenAI\"")),
        };
        var actual = build.LicenseGuardResults.Select(r => (r.RuleId, r.File, r.Line)).ToList();
        Assert.Equal(expected.OrderBy(e => e.ToString()), actual.OrderBy(a => a.ToString()));
        Assert.DoesNotContain(build.Results, r => r.RuleId == "AD0001");

        var claude = build.LicenseGuardResults.Single(r => r.RuleId == "LG1003" && r.File == "ReplyDrafter.cs");
        Assert.Equal("'claude-3-5-sonnet-20241022' names Claude 3.5 Sonnet, a closed-weight model of Anthropic Claude API (proprietary, api-only). Open alternatives: Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI.", claude.Message);

        // Alternatives fit what each call does: encoders for embeddings, Whisper for speech, chat models for chat.
        Assert.All(build.LicenseGuardResults.Where(r => r.File == "SimilarTickets.cs"), r => Assert.Contains("Open alternatives: all-MiniLM-L6-v2 (Apache-2.0, permissive) via OllamaSharp", r.Message));
        Assert.All(build.LicenseGuardResults.Where(r => r.File == "VoiceTickets.cs"), r => Assert.EndsWith("Open alternatives: Whisper (MIT, permissive) via Whisper.net.", r.Message));
        Assert.All(build.LicenseGuardResults.Where(r => r.File == "TicketTriage.cs"), r => Assert.Contains("Open alternatives: Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp", r.Message));
        Assert.Contains("OpenAI API covers chat, text completion, embeddings", build.LicenseGuardResults.Single(r => r.Message.StartsWith("Package OpenAI ", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public void LocalAssistantOnAnOpenModelIsClean()
    {
        var build = package.Build(package.CopySample("LocalAssistant"));

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Empty(build.LicenseGuardResults);
        Assert.DoesNotContain(build.Results, r => r.RuleId == "AD0001");
    }

    [Fact]
    public void WarningsAsErrorsFailsTheBuild()
    {
        var build = package.Build(package.CopySample("SupportBot"), "-p:WarningsAsErrors=LG1001");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error LG1001", build.Output);
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG1001" && r.Level == "error");
    }

    [Fact]
    public void GlobalConfigSeverityFailsTheBuild()
    {
        string project = package.CopySample("SupportBot");
        File.WriteAllText(Path.Combine(project, ".globalconfig"), "is_global = true\ndotnet_diagnostic.LG1003.severity = error\n");

        var build = package.Build(project);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG1003" && r.Level == "error");
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG1001" && r.Level == "warning");
    }

    [Fact]
    public void PackageDefaultsSurviveWholesaleAnalyzerSilencing()
    {
        string project = package.CopySample("SupportBot");
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.severity = none\n");

        var build = package.Build(project);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(18, build.LicenseGuardResults.Count()); // every finding of SupportBotReportsEveryProprietaryDependencyAtItsLine
    }

    [Fact]
    public void WithoutThePackageDefaultsWholesaleSilencingWouldHideLicenseGuard()
    {
        // The control for the test above: it proves the .editorconfig really silences analyzers.
        string project = package.CopySample("SupportBot");
        File.WriteAllText(Path.Combine(project, ".editorconfig"), "root = true\n[*.cs]\ndotnet_analyzer_diagnostic.severity = none\n");
        File.WriteAllText(Path.Combine(project, "Directory.Build.targets"), """
            <Project>
              <Target Name="DropLicenseGuardDefaults" BeforeTargets="CoreCompile">
                <ItemGroup>
                  <EditorConfigFiles Remove="@(EditorConfigFiles)" Condition="'%(Filename)' == 'LicenseGuard'" />
                </ItemGroup>
              </Target>
            </Project>
            """);

        var build = package.Build(project);

        // [*.cs] sections reach only C# files: the project-file (LG3003) and configuration-file findings stay, as the docs say.
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain(build.LicenseGuardResults, r => r.File.EndsWith(".cs", StringComparison.Ordinal));
        Assert.All(build.LicenseGuardResults, r => Assert.True(r.RuleId == "LG3003" || r.File == "appsettings.json", $"{r.RuleId} {r.File}"));
    }

    [Fact]
    public void MalformedRulesFileIsReportedAtItsLineAndOtherFindingsRemain()
    {
        string project = package.CopySample("SupportBot");
        File.WriteAllText(Path.Combine(project, "licenseguard.json"), "{\n  \"rules\": {\n    \"LG1003\": { \"enabled\": false }\n  \"services\": []\n}\n");

        var build = package.Build(project);

        Assert.True(build.ExitCode == 0, build.Output);
        var problem = Assert.Single(build.LicenseGuardResults, r => r.RuleId == "LG9001");
        Assert.Equal(("licenseguard.json", 4), (problem.File, problem.Line));
        Assert.Contains("not valid JSON", problem.Message);
        Assert.Equal(7, build.LicenseGuardResults.Count(r => r.RuleId == "LG1001"));
        Assert.Equal(6, build.LicenseGuardResults.Count(r => r.RuleId == "LG1003"));
    }

    [Fact]
    public void ValidRulesFileIsPickedUpFromTheProjectFolder()
    {
        string project = package.CopySample("SupportBot");
        File.WriteAllText(Path.Combine(project, "licenseguard.json"), """{ "rules": { "LG1003": { "enabled": false } }, "services": [ { "id": "anthropic", "severity": "error" } ] }""");

        var build = package.Build(project);

        Assert.NotEqual(0, build.ExitCode);
        Assert.DoesNotContain(build.LicenseGuardResults, r => r.RuleId == "LG1003");
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG1001" && r.File == "ReplyDrafter.cs" && r.Level == "error");
        Assert.Contains(build.LicenseGuardResults, r => r.RuleId == "LG1001" && r.File == "TicketTriage.cs" && r.Level == "warning");
    }

    private static int LineOf(string project, string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(project, file));
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not found in {file}");
        return index + 1;
    }
}

/// <summary>The LG1001 code fix applied by a real client, `dotnet format`, to a copy of a sample: the result builds.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CodeFixClientTests(PackedLicenseGuard package)
{
    [Fact]
    public void DotnetFormatAppliesTheOpenRuntimeFixAndTheSampleStillBuilds()
    {
        string project = package.CopySample("ChatMigration");
        var before = package.Build(project);
        Assert.Contains(before.LicenseGuardResults, r => r.RuleId == "LG1001" && r.File == "Clients.cs");

        var (code, output) = package.Format(project, "--diagnostics", "LG1001", "--severity", "warn");

        Assert.True(code == 0, output);
        string clients = File.ReadAllText(Path.Combine(project, "Clients.cs"));
        Assert.Contains("new OllamaSharp.OllamaApiClient(new System.Uri(\"http://localhost:11434\"), \"qwen2.5:7b\")", clients);
        Assert.DoesNotContain("AsIChatClient", clients);
        Assert.DoesNotContain("using OpenAI;", clients);
        var after = package.Build(project);
        Assert.True(after.ExitCode == 0, after.Output);
        Assert.DoesNotContain(after.Results, r => r.Level == "error");
        Assert.DoesNotContain(after.LicenseGuardResults, r => r.File.EndsWith(".cs", StringComparison.Ordinal));
        Assert.Contains(after.LicenseGuardResults, r => r.RuleId == "LG3003");
    }
}
