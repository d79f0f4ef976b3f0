using LicenseGuard.Analyzers.Tests.Harness;
using LicenseGuard.CodeFixes.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ProprietaryAiCallFixerTests
{
    private static CSharpCodeFixTest<LicenseGuard.Analyzers.Rules.ProprietaryAiCallAnalyzer, ProprietaryAiCallFixer, DefaultVerifier> Test(string source, string fixedSource, int actionIndex, string equivalenceKey) => new()
    {
        ReferenceAssemblies = SdkPackages.WithOpenRuntimes,
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
            using Microsoft.Extensions.AI;

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
    public async Task AnAdapterUsedAsAReceiverOrThroughVarKeepsItsInterfaceType()
    {
        // Seen in a public evaluation sample: `….AsIChatClient().AsBuilder().UseFunctionInvocation().Build()`. OllamaApiClient is
        // a chat client and an embedding generator, so `.AsBuilder()` on it is ambiguous (CS0121): the rewrite keeps the type.
        const string source = """
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Setup
            {
                IChatClient WithTools() => {|#0:new OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient()|}.AsBuilder().UseFunctionInvocation().Build();

                object Plain()
                {
                    var chat = {|#1:new OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient()|};
                    return chat.AsBuilder().Build();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.AI;

            class Setup
            {
                IChatClient WithTools() => ((Microsoft.Extensions.AI.IChatClient)new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b")).AsBuilder().UseFunctionInvocation().Build();

                object Plain()
                {
                    var chat = (Microsoft.Extensions.AI.IChatClient)new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b");
                    return chat.AsBuilder().Build();
                }
            }
            """;
        var test = Test(source, fixedSource, 0, "LG1001.ollamasharp.qwen2.5-7b");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task AnAliasOfTheProvidersNamespaceLeftUnusedIsRemovedToo()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            using OAI = OpenAI;

            class Triage
            {
                IChatClient Chat(string key) => {|#0:new OAI.OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient()|};
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.AI;

            class Triage
            {
                IChatClient Chat(string key) => new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b");
            }
            """;
        var test = Test(source, fixedSource, 0, "LG1001.ollamasharp.qwen2.5-7b");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task NoRewriteIsOfferedWhenTheProjectDoesNotReferenceTheRuntimeItWouldNeed()
    {
        // Issue 24, item 4: the fix wrote `new OllamaSharp.OllamaApiClient(…)` into a project without OllamaSharp, and the next
        // build failed with CS0246. Without a runtime package referenced there is nothing to offer (licenseguard migrate adds it).
        const string source = """
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Triage
            {
                IChatClient Chat() => {|#0:new OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient()|};
            }
            """;
        var test = new CSharpCodeFixTest<LicenseGuard.Analyzers.Rules.ProprietaryAiCallAnalyzer, ProprietaryAiCallFixer, DefaultVerifier>
        {
            ReferenceAssemblies = SdkPackages.RuntimeOnly.AddPackages(System.Collections.Immutable.ImmutableArray.Create(
                new PackageIdentity("OpenAI", "2.15.0"), new PackageIdentity("Microsoft.Extensions.AI.OpenAI", "10.11.0"))),
            TestCode = source,
            FixedCode = source,
        };
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task ARegistrationInsideABuilderChainIsSplitOutOfItsStatement()
    {
        // The most common Semantic Kernel shape in public samples: Kernel.CreateBuilder().AddOpenAIChatCompletion(…).Build().
        const string source = """
            using Microsoft.SemanticKernel;

            class Startup
            {
                Kernel Build(string model, string key)
                {
                    // The kernel the app uses.
                    Kernel kernel = {|#0:Kernel.CreateBuilder()
                        .AddOpenAIChatCompletion(model, key)|}
                        .Build();
                    return kernel;
                }

                Kernel FromBuilder(IKernelBuilder builder) => builder.Build();

                Kernel Named(IKernelBuilder builder, string key)
                {
                    return {|#1:builder.AddOpenAIChatCompletion("gpt-4o", key)|}.Build();
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.SemanticKernel;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel.ChatCompletion;

            class Startup
            {
                Kernel Build(string model, string key)
                {
                    // The kernel the app uses.
                    var kernelBuilder = Kernel.CreateBuilder();
                    kernelBuilder.Services.AddSingleton<IChatCompletionService>(provider => provider.GetRequiredService<IChatClient>().AsChatCompletionService(provider)).AddChatClient(new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b"));
                    Kernel kernel = kernelBuilder
                        .Build();
                    return kernel;
                }

                Kernel FromBuilder(IKernelBuilder builder) => builder.Build();

                Kernel Named(IKernelBuilder builder, string key)
                {
                    builder.Services.AddSingleton<IChatCompletionService>(provider => provider.GetRequiredService<IChatClient>().AsChatCompletionService(provider)).AddChatClient(new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b"));
                    return builder.Build();
                }
            }
            """;
        var test = Test(source, fixedSource, 0, "LG1001.ollamasharp.qwen2.5-7b");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1));
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
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel.ChatCompletion;

            class Startup
            {
                void Configure(IServiceCollection services, IKernelBuilder kernel)
                {
                    services.AddSingleton<IChatCompletionService>(provider => provider.GetRequiredService<IChatClient>().AsChatCompletionService(provider)).AddChatClient(new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b"));
                    kernel.Services.AddSingleton<IChatCompletionService>(provider => provider.GetRequiredService<IChatClient>().AsChatCompletionService(provider)).AddChatClient(new Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIChatClient("models/phi-3.5-mini"));
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

    [Fact]
    public async Task ChatAdapterBecomesLLamaSharpWhenTheCatalogRunsTheAlternativeThere()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Triage
            {
                IChatClient Chat() => {|#0:new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()|};
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.AI;
            using LLama.Abstractions;

            class Triage
            {
                IChatClient Chat() => new LLama.StatelessExecutor(LLama.LLamaWeights.LoadFromFile(new LLama.Common.ModelParams("models/olmo-2-7b.gguf")), new LLama.Common.ModelParams("models/olmo-2-7b.gguf")).AsChatClient();
            }
            """;
        var test = Test(source, fixedSource, 3, "LG1001.llamasharp.olmo-2-7b");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task ChatAdapterBecomesOnnxRuntimeGenAIWhenTheCatalogRunsTheAlternativeThere()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Triage
            {
                IChatClient Chat() => {|#0:new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()|};
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.AI;

            class Triage
            {
                IChatClient Chat() => new Microsoft.ML.OnnxRuntimeGenAI.OnnxRuntimeGenAIChatClient("models/phi-3.5-mini");
            }
            """;
        var test = Test(source, fixedSource, 2, "LG1001.onnxruntime-genai.phi-3.5-mini");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task EmbeddingGeneratorAdapterBecomesAnOllamaEmbeddingModel()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class Index
            {
                private readonly IEmbeddingGenerator<string, Embedding<float>> embeddings = {|#0:new OpenAIClient("key").GetEmbeddingClient("text-embedding-3-small").AsIEmbeddingGenerator()|};

                Task<Embedding<float>> EmbedAsync(string text) => embeddings.GenerateAsync(text);
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            class Index
            {
                private readonly IEmbeddingGenerator<string, Embedding<float>> embeddings = new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "all-minilm");

                Task<Embedding<float>> EmbedAsync(string text) => embeddings.GenerateAsync(text);
            }
            """;
        var test = Test(source, fixedSource, 0, "LG1001.ollamasharp.all-minilm-l6-v2");
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task TitlesNameTheModelTheRuntimeAndThePackagesTheNewCodeNeeds()
    {
        var titles = await WorkspaceFixes.ForAsync(new ProprietaryAiCallFixer(), new LicenseGuard.Analyzers.Rules.ProprietaryAiCallAnalyzer(), """
            using Microsoft.Extensions.AI;
            using OpenAI;
            class Triage
            {
                IChatClient Chat() => new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                IEmbeddingGenerator<string, Embedding<float>> Embed() => new OpenAIClient("key").GetEmbeddingClient("text-embedding-3-small").AsIEmbeddingGenerator();
            }
            """);

        Assert.Equal(
            new[]
            {
                "Use Qwen2.5 7B through OllamaSharp (needs package OllamaSharp)",
                "Use gpt-oss-20b through OllamaSharp (needs package OllamaSharp)",
                "Use Phi-3.5 mini through ONNX Runtime GenAI (needs package Microsoft.ML.OnnxRuntimeGenAI; model from microsoft/Phi-3.5-mini-instruct-onnx)",
                "Use OLMo 2 7B through LLamaSharp (needs packages LLamaSharp and LLamaSharp.Backend.Cpu; model from allenai/OLMo-2-1124-7B-GGUF)",
                "Use all-MiniLM-L6-v2 embeddings through OllamaSharp (needs package OllamaSharp; vectors differ, re-index stored embeddings)",
                "Use nomic-embed-text v1.5 embeddings through OllamaSharp (needs package OllamaSharp; vectors differ, re-index stored embeddings)",
                "Use BGE-M3 embeddings through OllamaSharp (needs package OllamaSharp; vectors differ, re-index stored embeddings)",
            },
            titles.Where(t => !t.StartsWith("Suppress", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SemanticKernelEmbeddingAndChatClientRegistrationsBecomeOpenRuntimeRegistrations()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;

            #pragma warning disable SKEXP0010 // The embedding generator registration is experimental in Semantic Kernel.
            class Startup
            {
                void Configure(IServiceCollection services, IKernelBuilder kernel)
                {
                    {|#0:services.AddOpenAIEmbeddingGenerator("text-embedding-3-small", "key")|};
                    {|#1:kernel.AddOpenAIChatClient("gpt-4o", "key")|};
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;

            #pragma warning disable SKEXP0010 // The embedding generator registration is experimental in Semantic Kernel.
            class Startup
            {
                void Configure(IServiceCollection services, IKernelBuilder kernel)
                {
                    services.AddEmbeddingGenerator(new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "all-minilm"));
                    kernel.Services.AddChatClient(new OllamaSharp.OllamaApiClient(new System.Uri("http://localhost:11434"), "qwen2.5:7b"));
                }
            }
            """;
        var test = Test(source, fixedSource, 0, null!);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(0));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.ProprietaryAiCall, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(1));
        test.CodeActionEquivalenceKey = null;
        test.CodeActionIndex = null;
        test.NumberOfIncrementalIterations = 2;
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }
}
