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
            .WithArguments("gpt-4o-mini", "GPT-4o", "OpenAI API", "proprietary, api-only", "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, gpt-oss-20b (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"));
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
}
