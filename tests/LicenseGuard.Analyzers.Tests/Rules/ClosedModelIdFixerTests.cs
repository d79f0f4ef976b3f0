using LicenseGuard.Analyzers.Rules;
using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ClosedModelIdFixerTests
{
    private static CSharpCodeFixTest<ClosedModelIdAnalyzer, ClosedModelIdFixer, DefaultVerifier> Test(string source, string fixedSource, int index, string key)
    {
        var test = new CSharpCodeFixTest<ClosedModelIdAnalyzer, ClosedModelIdFixer, DefaultVerifier>
        {
            ReferenceAssemblies = SdkPackages.All,
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = index,
            CodeActionEquivalenceKey = key,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ClosedModelId, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        return test;
    }

    [Fact]
    public async Task ClosedIdOnAnOllamaClientBecomesTheFirstOpenAlternative()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.AI;

            class Local
            {
                IChatClient Chat() => new OllamaSharp.OllamaApiClient(new Uri("http://localhost:11434"), {|#0:"gpt-4o"|});
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Extensions.AI;

            class Local
            {
                IChatClient Chat() => new OllamaSharp.OllamaApiClient(new Uri("http://localhost:11434"), "qwen2.5:7b");
            }
            """;
        await Test(source, fixedSource, 0, "LG1003.ollamasharp.qwen2.5-7b").RunAsync();
    }

    [Fact]
    public async Task ClosedIdOnAnOpenAiClientPointedAtALocalEndpointBecomesAnOpenModel()
    {
        const string source = """
            using System;
            using System.ClientModel;
            using OpenAI;

            class Local
            {
                object Chat()
                {
                    var client = new OpenAIClient(new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:11434/v1") });
                    return client.GetChatClient({|#0:"claude-3-5-sonnet-latest"|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.ClientModel;
            using OpenAI;

            class Local
            {
                object Chat()
                {
                    var client = new OpenAIClient(new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:11434/v1") });
                    return client.GetChatClient("mixtral:8x7b");
                }
            }
            """;
        await Test(source, fixedSource, 1, "LG1003.ollamasharp.mixtral-8x7b").RunAsync();
    }

    [Fact]
    public async Task ClosedIdSentToTheHostedServiceGetsNoFix()
    {
        const string source = """
            using OpenAI;

            class Hosted
            {
                object Chat() => new OpenAIClient("key").GetChatClient({|#0:"gpt-4o"|});
            }
            """;
        var test = Test(source, source, 0, "LG1003.ollamasharp.qwen2.5-7b");
        test.CodeActionEquivalenceKey = null;
        test.CodeActionIndex = null;
        await test.RunAsync();
    }
}
