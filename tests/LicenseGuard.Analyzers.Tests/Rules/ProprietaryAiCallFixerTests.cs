using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ProprietaryAiCallFixerTests
{
    private static CSharpCodeFixTest<LicenseGuard.Analyzers.Rules.ProprietaryAiCallAnalyzer, ProprietaryAiCallFixer, DefaultVerifier> Test(string source, string fixedSource, int actionIndex, string equivalenceKey) => new()
    {
        ReferenceAssemblies = SdkPackages.All,
        TestCode = source,
        FixedCode = fixedSource,
        CodeActionIndex = actionIndex,
        CodeActionEquivalenceKey = equivalenceKey,
    };

    [Fact]
    public async Task OpenAiChatClientAdapterBecomesOllamaWithTheFirstAlternative()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Triage
            {
                private readonly IChatClient chat = {|#0:new OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient()|};

                Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Triage
            {
                private readonly IChatClient chat = new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b");

                Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);
            }
            """;
        var test = Test(source, fixedSource, 0, "LG1001.ollamasharp.qwen2.5-7b");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task FixAllReplacesEveryAdapterInTheDocumentWithTheChosenModel()
    {
        const string source = """
            using Anthropic;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Clients
            {
                IChatClient A() => {|#0:new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()|};
                IChatClient B() => {|#1:new AnthropicClient().AsIChatClient("claude-3-5-sonnet-latest")|};
            }
            """;
        const string fixedSource = """
            using Anthropic;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Clients
            {
                IChatClient A() => new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b");
                IChatClient B() => new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b");
            }
            """;
        var test = Test(source, fixedSource, 0, "LG1001.ollamasharp.qwen2.5-7b");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1));
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task CallsThatAreNotChatClientAdaptersGetNoOpenRuntimeFix()
    {
        const string source = """
            using OpenAI;
            class C
            {
                object M() => {|#0:new OpenAIClient("key")|};
            }
            """;
        var test = new CSharpCodeFixTest<LicenseGuard.Analyzers.Rules.ProprietaryAiCallAnalyzer, ProprietaryAiCallFixer, DefaultVerifier>
        {
            ReferenceAssemblies = SdkPackages.All,
            TestCode = source,
            FixedCode = source,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task SemanticKernelRegistrationsBecomeAnOllamaChatClientRegistration()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;

            class Startup
            {
                void Configure(IServiceCollection services, IKernelBuilder kernel)
                {
                    {|#0:services.AddOpenAIChatCompletion("gpt-4o", "key")|};
                    {|#1:kernel.AddAzureOpenAIChatCompletion("deployment", "https://contoso.example", "key")|};
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;

            class Startup
            {
                void Configure(IServiceCollection services, IKernelBuilder kernel)
                {
                    services.AddChatClient(new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b"));
                    kernel.Services.AddChatClient(new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "phi3.5"));
                }
            }
            """;
        var test = Test(source, fixedSource, 0, "LG1001.ollamasharp.qwen2.5-7b");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1));
        test.CodeActionEquivalenceKey = null;
        test.CodeActionIndex = null;
        test.NumberOfIncrementalIterations = 2;
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }
}
