using LicenseGuard.Analyzers.Rules;
using LicenseGuard.Analyzers.Tests.Harness;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ClosedModelIdAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ClosedModelIdAnalyzerTests
{
    [Fact]
    public async Task ModelArgumentIsReportedWithModelServiceAndAlternatives()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                ChatClient M(string key) => new ChatClient({|#0:"gpt-4o-mini"|}, key);
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0)
            .WithArguments("gpt-4o-mini", "GPT-4o mini", "OpenAI API", "proprietary, api-only", "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, gpt-oss-20b (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"));
    }

    [Fact]
    public async Task ClaudeThreePointFiveSonnetIsNamed()
    {
        const string source = """
            class C
            {
                const string Model = {|#0:"claude-3-5-sonnet-20241022"|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0)
            .WithArguments("claude-3-5-sonnet-20241022", "Claude 3.5 Sonnet", "Anthropic Claude API", "proprietary, api-only", "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"));
    }

    [Fact]
    public async Task InitialiserAssignmentSwitchCaseAndAttributeArgumentAreReported()
    {
        const string source = """
            using System;
            [AttributeUsage(AttributeTargets.All)]
            class ModelAttribute : Attribute { public ModelAttribute(string id) { } }
            [Model({|#0:"gemini-2.5-pro"|})]
            class C
            {
                string model = {|#1:"o3-mini"|};
                void M(string id)
                {
                    model = {|#2:"us.anthropic.claude-haiku-4-5-20251001-v1:0"|};
                    switch (id)
                    {
                        case {|#3:"grok-4"|}: break;
                    }
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(2),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(3));
    }

    [Fact]
    public async Task OpenModelIdsAreNotReported()
    {
        const string source = """
            class C
            {
                string[] M() => new[]
                {
                    "llama3.1:8b", "gpt-oss-20b", "gpt-oss:20b", "gemma3:4b", "mistral:7b", "mistral-7b-instruct", "mixtral:8x7b",
                    "qwen2.5:7b", "phi3.5", "olmo2:7b", "EleutherAI/gpt-neox-20b", "EleutherAI/gpt-j-6b", "gpt-neo-2.7B", "gpt2",
                    "bert-base-uncased", "all-minilm", "deepseek-r1:8b", "whisper-large-v3",
                };
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task WordsInsideSentencesAndLogMessagesAreNotReported()
    {
        const string source = """
            class C
            {
                // gpt-4o is called below? no.
                string M() => "Falling back from gpt-4o to a local model";
                string N() => "claude-3-5-sonnet failed: {0}";
                string O() => "o1 o3";
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task ConstantConcatenationIsReportedOnceWhereFormed()
    {
        const string source = """
            class C
            {
                const string Family = "gpt-";
                const string Model = {|#0:Family + "4.1-mini"|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0));
    }

    [Fact]
    public async Task RulesFileCanTurnTheRuleOff()
    {
        const string source = """
            class C { const string Model = "gpt-4o"; }
            """;
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", """{ "rules": { "LG1003": { "enabled": false } } }""") });
    }

    [Fact]
    public async Task RulesFileCanMarkAModelOpenOrIgnoreAPattern()
    {
        const string source = """
            class C { string[] M() => new[] { "gpt-4o", "gemini-2.0-flash", {|#0:"claude-sonnet-4-5"|} }; }
            """;
        const string rules = """
            {
              "rules": { "LG1003": { "ignore": ["gemini-*"] } },
              "models": [ { "id": "gpt-4o", "openWeights": true } ]
            }
            """;
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", rules) },
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0));
    }

    [Theory]
    // Gateway ids (OpenRouter, GitHub Models, AI gateways): provider prefix and model.
    [InlineData("openai/gpt-4o-mini", "gpt-4o-mini", "GPT-4o mini")]
    [InlineData("anthropic/claude-3.5-sonnet", "claude-3.5-sonnet", "Claude 3.5 Sonnet")]
    [InlineData("google/gemini-2.0-flash-001", "gemini-2.0-flash-001", "Gemini")]
    [InlineData("x-ai/grok-4", "grok-4", "Grok")]
    [InlineData("mistralai/mistral-large", "mistral-large", "Mistral Large, Medium and hosted-only models")]
    // Ids inside URLs and API paths, where the API carries them.
    [InlineData("https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent", "gemini-1.5-pro", "Gemini")]
    [InlineData("https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:embedContent?key=abc", "text-embedding-004", "Gemini embeddings")]
    [InlineData("/model/anthropic.claude-3-haiku-20240307-v1:0/invoke", "anthropic.claude-3-haiku-20240307-v1:0", "Claude")]
    [InlineData("https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-3-5-sonnet@20240620:rawPredict", "claude-3-5-sonnet@20240620", "Claude 3.5 Sonnet")]
    [InlineData("https://contoso.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", "gpt-4o", "GPT-4o")]
    [InlineData("https://gateway.contoso.example/v1/chat?model=gpt-4.1-mini&stream=true", "gpt-4.1-mini", "GPT-4.1")]
    // Gateways spell the id with a provider prefix in query values too (GitHub Models, OpenRouter); JSON bodies: below.
    [InlineData("https://gateway.contoso.example/v1/chat?model=anthropic%2Fclaude-3.5-sonnet", "claude-3.5-sonnet", "Claude 3.5 Sonnet")]
    // Provider spellings.
    [InlineData("gpt-35-turbo", "gpt-35-turbo", "GPT-3.5 Turbo")]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o-2024-08-06", "GPT-4o")]
    [InlineData("eu.anthropic.claude-3-5-sonnet-20240620-v1:0", "eu.anthropic.claude-3-5-sonnet-20240620-v1:0", "Claude 3.5 Sonnet")]
    public async Task IdsWhereApisCarryThemAreReported(string literal, string id, string name)
    {
        string source = $$"""
            class C
            {
                string M() => "{{literal}}";
            }
            """;
        var result = await FindingsAsync(source);
        var finding = Assert.Single(result);
        Assert.StartsWith($"'{id}' names {name}, a closed-weight model", finding.GetMessage());
    }

    [Fact]
    public async Task JsonRequestBodiesAndInterpolatedUrlsCarryIds()
    {
        const string source = """"
            class C
            {
                string Body(string text) => $$"""
                    { "model": "gpt-4o-mini", "input": "{{text}}" }
                    """;
                string Url(string key) => $"https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key={key}";
                const string Embedding = "text-embedding-3-small";
                string Reused(string key) => $"https://api.example.com/v1/models/{Embedding}?key={key}";
                string Gateway() => """{"model": "openai/gpt-4.1", "messages": []}""";
            }
            """";
        var ids = (await FindingsAsync(source)).Select(d => d.GetMessage().Split('\'')[1]).OrderBy(i => i, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "gemini-1.5-flash", "gpt-4.1", "gpt-4o-mini", "text-embedding-3-small" }, ids);
    }

    [Theory]
    // Prose, logs, page URLs and file paths mention models; they do not call them.
    [InlineData("We compared gpt-4o and claude-3-5-sonnet in our tests.")]
    [InlineData("https://openai.com/index/gpt-4o-system-card/")]
    [InlineData("https://example.com/blog/claude-3-5-sonnet-review?ref=gpt-4o")]
    [InlineData("reports/gpt-4o-2024-05-13.txt")]
    [InlineData("prompts/claude-3-haiku")]
    [InlineData("{ \"name\": \"gpt-4o\", \"description\": \"a model\" }")]
    // Open-weight ids in the same shapes.
    [InlineData("openai/gpt-oss-20b")]
    [InlineData("meta-llama/Llama-3.1-8B-Instruct")]
    [InlineData("cohere/command-r-plus")]
    [InlineData("http://localhost:11434/api/chat?model=llama3.1:8b")]
    [InlineData("https://openrouter.ai/api/v1/models/deepseek-r1")]
    [InlineData("{ \"model\": \"qwen2.5:7b\", \"prompt\": \"hi\" }")]
    [InlineData("{ \"model\": \"openai/gpt-oss-120b\" }")]
    [InlineData("https://huggingface.co/openai/whisper-large-v3")]
    public async Task MentionsAndOpenIdsInTheSameShapesAreNotReported(string literal)
    {
        string source = $$"""
            class C
            {
                string M() => @"{{literal.Replace("\"", "\"\"")}}";
            }
            """;
        Assert.Empty(await FindingsAsync(source));
    }

    [Fact]
    public async Task AnIdInsideALongerStringGetsNoReplaceTheLiteralFix()
    {
        var titles = await WorkspaceFixes.ForAsync(new LicenseGuard.CodeFixes.Rules.ClosedModelIdFixer(), new ClosedModelIdAnalyzer(), """
            using OpenAI;
            using OpenAI.Chat;
            class C
            {
                ChatClient Local() => new OpenAIClient(new System.ClientModel.ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new System.Uri("http://localhost:11434/v1") }).GetChatClient("openai/gpt-4o");
            }
            """);
        Assert.Empty(titles);
    }

    private static async Task<List<Microsoft.CodeAnalysis.Diagnostic>> FindingsAsync(string source)
    {
        var compilation = await AnalyzerRunner.CompileAsync(new[] { source });
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, Array.Empty<Microsoft.CodeAnalysis.AdditionalText>());
        Assert.Empty(exceptions);
        return diagnostics.Where(d => d.Id == DiagnosticIds.ClosedModelId).ToList();
    }

    [Fact]
    public async Task ConstantsBuiltWithNameofAreStillJudgedWhileCallsAndIndexersAreNeverBound()
    {
        // The syntax filter before any semantic question: nameof(…) is a constant, so these are still closed ids…
        const string source = """
            class gpt { }
            class C
            {
                string Joined() => {|#0:nameof(gpt) + "-4o"|};
                string Interpolated() => {|#1:$"{nameof(gpt)}-4o-mini"|};

                // …while a call, an indexer or an object creation on the left, or a formatted hole, is never a constant.
                string Call() => Prefix() + "-4o";
                string Indexer(string[] parts) => parts[0] + "-4o";
                string Hole(int n) => $"{n:D2}gpt-4o";
                static string Prefix() => "gpt";
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(1));
    }

    [Fact]
    public async Task ASeverityFromARulesFileThatLeavesTheDigestIsStillApplied()
    {
        // Such a file keeps the compiled-in digest and loads its catalog only for the finding; the finding takes its severity.
        const string source = """
            class C
            {
                const string Model = {|#0:"gpt-4o-mini"|};
            }
            """;
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", """{ "rules": { "LG1003": { "severity": "error" } } }""") },
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task TheCatalogTheGatherStepHandsOverForTheseRulesFilesIsUsedAsItIs()
    {
        // The rules file ignores gpt-4o-mini. The inventory hands over a compiled catalog for exactly this text — planted here
        // without the ignore list, to prove the compiler uses it instead of layering the JSON; for an edited text it is not used.
        const string source = """
            class C
            {
                const string Model = {|#0:"gpt-4o-mini"|};
            }
            """;
        // Texts of this test's own (catalog snapshots are cached by rules-file content within the process).
        const string rules = """{ "$schema": "handed-over", "rules": { "LG1003": { "ignore": ["gpt-4o-mini"] } } }""";
        const string edited = """{ "$schema": "handed-over",  "rules": { "LG1003": { "ignore": ["gpt-4o-mini"] } } }""";
        const string alone = """{ "$schema": "handed-over",   "rules": { "LG1003": { "ignore": ["gpt-4o-mini"] } } }""";
        string Inventory(string rulesText)
        {
            var inventory = new LicenseGuard.Inventory.ProjectInventory { Project = "/0/Test0.csproj" };
            inventory.EffectiveCatalog = new LicenseGuard.Inventory.HandedOverCatalog(
                LicenseGuard.Policy.RulesFingerprint.OfCatalog(new[] { rulesText }), LicenseGuard.Catalog.CompiledCatalog.Write(LicenseGuard.Catalog.RulesCatalog.BuiltIn));
            return inventory.ToJson();
        }

        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", rules), ("/0/obj/licenseguard.inventory.json", Inventory(rules)) },
            Verify.Diagnostic(DiagnosticIds.ClosedModelId).WithLocation(0));
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", edited), ("/0/obj/licenseguard.inventory.json", Inventory(rules)) });
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", alone) });
    }

    /// <summary>
    /// Issue 24: the message names the model the id belongs to ('gpt-4o-mini' was reported as "names GPT-4o"). One id made from
    /// each pattern of every catalogued closed model, each in a model position; each message names that model.
    /// </summary>
    [Fact]
    public async Task EveryCataloguedClosedModelIsNamedByItsOwnIds()
    {
        var expected = LicenseGuard.Catalog.RulesCatalog.BuiltIn.Models.Where(m => !m.OpenWeights)
            .SelectMany(m => m.Ids.Select(pattern => (Id: SampleOf(pattern), m.Name)))
            .Distinct()
            .ToList();
        string source = "class Models\n{\n" + string.Concat(expected.Select((e, i) => $"    string Model{i} => \"{e.Id}\";\n")) + "}\n";

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(await AnalyzerRunner.CompileAsync(new[] { source }), Array.Empty<Microsoft.CodeAnalysis.AdditionalText>());

        Assert.Empty(exceptions);
        var messages = diagnostics.Where(d => d.Id == DiagnosticIds.ClosedModelId).ToDictionary(d => d.Location.GetLineSpan().StartLinePosition.Line - 2, d => d.GetMessage());
        var wrong = expected.Select((e, i) => messages.TryGetValue(i, out string? message)
                ? message.StartsWith($"'{e.Id}' names {e.Name}, ", StringComparison.Ordinal) ? null : message
                : $"'{e.Id}' ({e.Name}) was not reported")
            .OfType<string>()
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>A concrete id for a pattern: a leading '*' becomes a region prefix, an inner one a letter, a trailing one nothing.</summary>
    private static string SampleOf(string pattern)
    {
        string sample = pattern.StartsWith('*') ? "us" + pattern[1..] : pattern;
        sample = sample.EndsWith('*') ? sample[..^1] : sample;
        return sample.Replace("*", "x", StringComparison.Ordinal);
    }
}
