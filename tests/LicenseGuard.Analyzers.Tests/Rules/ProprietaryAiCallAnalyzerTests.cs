using LicenseGuard.Analyzers.Rules;
using LicenseGuard.Analyzers.Tests.Harness;
using Verify = LicenseGuard.Analyzers.Tests.Harness.Verify<LicenseGuard.Analyzers.Rules.ProprietaryAiCallAnalyzer>;

namespace LicenseGuard.Analyzers.Tests.Rules;

public class ProprietaryAiCallAnalyzerTests : IDisposable
{
    private const string OpenAiChatAlternatives = "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, gpt-oss-20b (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI";

    internal const string OpenAiTaskNotShown = "they depend on the task, which this code does not show; OpenAI API covers chat, text completion, embeddings, image generation, image editing, image input (vision), speech to text, text to speech, moderation, video generation ('licenseguard rules show openai' lists the alternatives for each)";

    [Fact]
    public async Task ConstructorOfOpenAiClientIsReportedWithTheTasksTheServiceCovers()
    {
        const string source = """
            using OpenAI;
            class C
            {
                object M() => {|#0:new OpenAIClient("key")|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("new OpenAIClient", "OpenAI API", "proprietary, api-only", OpenAiTaskNotShown));
    }

    [Fact]
    public async Task UserTypesInTheVendorsNamespaceAreNotFindingsButTheSdkCallsBesideThemAre()
    {
        // The shape of a vendor's public samples repository: its own helpers under the SDK's root namespace.
        const string source = """
            using OpenAI.Chat;
            namespace OpenAI.Samples
            {
                public static class Output
                {
                    public static void Print(string text) => System.Console.WriteLine(text);
                }

                public sealed class PromptEngineering
                {
                    public string Render(string topic) => "Explain " + topic;
                }

                public sealed class ClientWrapper : ChatClient
                {
                    public ClientWrapper() {|#2:: base("model", "key")|} { }
                }

                public static class Program
                {
                    public static void Run()
                    {
                        var prompt = new PromptEngineering().Render("licences");
                        Output.Print(prompt);
                        var client = {|#0:new ClientWrapper()|};
                        {|#1:client.CompleteChat(prompt)|};
                    }
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0).WithArguments("new ClientWrapper", "OpenAI API", "proprietary, api-only", OpenAiChatAlternatives),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(1).WithArguments("ChatClient.CompleteChat", "OpenAI API", "proprietary, api-only", OpenAiChatAlternatives),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(2).WithArguments("new ChatClient", "OpenAI API", "proprietary, api-only", OpenAiChatAlternatives));
    }

    [Fact]
    public async Task ChainedCallIsReportedOncePerCallSite()
    {
        const string source = """
            using OpenAI;
            using OpenAI.Chat;
            class C
            {
                void M()
                {
                    var completion = {|#0:new OpenAIClient("key").GetChatClient("model").CompleteChat(new UserChatMessage("hi"))|};
                }
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("ChatClient.CompleteChat", "OpenAI API", "proprietary, api-only", OpenAiChatAlternatives));
    }

    [Fact]
    public async Task CallsThroughVarAndLocalsAreEachReported()
    {
        const string source = """
            using System.Threading.Tasks;
            using OpenAI.Chat;
            class C
            {
                async Task M(string key)
                {
                    var chat = {|#0:new ChatClient("model", key)|};
                    var result = await {|#1:chat.CompleteChatAsync("hello")|};
                    System.Console.WriteLine(result.Value.Content[0].Text);
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(1));
    }

    [Fact]
    public async Task UsingAliasDoesNotHideTheSdkType()
    {
        const string source = """
            using Llm = OpenAI.Chat.ChatClient;
            class C
            {
                object M() => {|#0:new Llm("model", "key")|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0));
    }

    [Fact]
    public async Task TypeOnlyMentionsAreNotCallSites()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                private ChatClient? client;
                ChatClient? Get(ChatClient? other) => other ?? client;
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task MethodGroupIsReported()
    {
        const string source = """
            using System;
            using OpenAI;
            using OpenAI.Chat;
            class C
            {
                Func<string, ChatClient> M(OpenAIClient client) => {|#0:client.GetChatClient|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("OpenAIClient.GetChatClient", "OpenAI API", "proprietary, api-only", OpenAiChatAlternatives));
    }

    [Fact]
    public async Task UserClassDerivedFromSdkClientIsReportedAtCreationAndInheritedCalls()
    {
        const string source = """
            using OpenAI;
            class MyAssistantClient : OpenAIClient
            {
                public MyAssistantClient() {|#2:: base("key")|} { }
            }
            class C
            {
                void M()
                {
                    var client = {|#0:new MyAssistantClient()|};
                    {|#1:client.GetChatClient("model")|};
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(2));
    }

    [Fact]
    public async Task LookAlikeUserTypeInAnotherNamespaceIsNotReported()
    {
        const string source = """
            namespace MyCompany.Ai
            {
                class OpenAIClient { public OpenAIClient(string key) { } public string GetChatClient(string m) => m; }
                class ChatClient { public string CompleteChat(string p) => p; }
                class C
                {
                    void M() { new OpenAIClient("key").GetChatClient("model"); new ChatClient().CompleteChat("x"); }
                }
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task AnthropicClientAndMessagesAreReported()
    {
        const string source = """
            using Anthropic;
            class C
            {
                void M()
                {
                    var client = {|#0:new AnthropicClient()|};
                    var messages = {|#1:client.Messages|};
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
                .WithArguments("new AnthropicClient", "Anthropic Claude API", "proprietary, api-only", "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(1));
    }

    [Fact]
    public async Task AnthropicAsIChatClientAdapterIsOneCallSite()
    {
        const string source = """
            using Anthropic;
            using Microsoft.Extensions.AI;
            class C
            {
                IChatClient M() => {|#0:new AnthropicClient().AsIChatClient("claude-haiku-4-5")|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("AnthropicClientExtensions.AsIChatClient", "Anthropic Claude API", "proprietary, api-only", "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"));
    }

    [Fact]
    public async Task AnthropicOnBedrockIsItsOwnService()
    {
        const string source = """
            using Anthropic.Bedrock;
            class C
            {
                object M(IAnthropicBedrockCredentials credentials) => {|#0:new AnthropicBedrockClient(credentials)|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("new AnthropicBedrockClient", "Anthropic Claude on AWS Bedrock", "proprietary, api-only", "Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via OllamaSharp, Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI"));
    }

    [Fact]
    public async Task MicrosoftExtensionsAiOpenAiAdapterIsReportedOnce()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            using OpenAI;
            class C
            {
                IChatClient M() => {|#0:new OpenAIClient("key").GetChatClient("model").AsIChatClient()|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("OpenAIClientExtensions.AsIChatClient", "OpenAI API", "proprietary, api-only", OpenAiChatAlternatives));
    }

    [Fact]
    public async Task AzureOpenAiClientIsReportedAsAzure()
    {
        const string source = """
            using System;
            using System.ClientModel;
            using Azure.AI.OpenAI;
            class C
            {
                object M() => {|#0:new AzureOpenAIClient(new Uri("https://contoso.example"), new ApiKeyCredential("k"))|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("new AzureOpenAIClient", "Azure OpenAI Service", "proprietary, api-only", "they depend on the task, which this code does not show; Azure OpenAI Service covers chat, text completion, embeddings, image generation, image editing, image input (vision), speech to text, text to speech ('licenseguard rules show azure-openai' lists the alternatives for each)"));
    }

    [Fact]
    public async Task SemanticKernelRegistrationsAreReported()
    {
        const string source = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;
            class C
            {
                void M(IServiceCollection services, IKernelBuilder kernel)
                {
                    {|#0:services.AddOpenAIChatCompletion("gpt-model", "key")|};
                    {|#1:kernel.AddAzureOpenAIChatCompletion("deployment", "https://contoso.example", "key")|};
                }
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
                .WithArguments("OpenAIServiceCollectionExtensions.AddOpenAIChatCompletion", "OpenAI API", "proprietary, api-only", OpenAiChatAlternatives),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(1)
                .WithArguments("AzureOpenAIKernelBuilderExtensions.AddAzureOpenAIChatCompletion", "Azure OpenAI Service", "proprietary, api-only", "Phi-3.5 mini (MIT, permissive) via ONNX Runtime GenAI, Qwen2.5 7B (Apache-2.0, permissive) via OllamaSharp, Mixtral 8x7B (Apache-2.0, permissive) via LLamaSharp"));
    }

    [Fact]
    public async Task BetalgoServiceRegistrationIsReported()
    {
        const string source = """
            using Betalgo.Ranul.OpenAI.Extensions;
            using Microsoft.Extensions.DependencyInjection;
            class C
            {
                void M(IServiceCollection services) => {|#0:services.AddOpenAIService()|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0));
    }

    [Fact]
    public async Task ReadingResultDataIsNotACall()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                string M(ChatCompletion completion) => completion.Content[0].Text + completion.Role;
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Theory]
    // An OpenAI-compatible SDK pointed at a self-hosted server with a constant URL talks to that server, not to the vendor.
    [InlineData("new OpenAIClient(new ApiKeyCredential(\"k\"), new OpenAIClientOptions { Endpoint = new Uri(\"http://localhost:11434/v1\") })")]
    [InlineData("new OpenAIClient(new ApiKeyCredential(\"k\"), new OpenAIClientOptions { Endpoint = new Uri(\"http://192.168.1.20:8080/v1\") }).GetChatClient(\"qwen2.5\")")]
    [InlineData("new OpenAIClient(new ApiKeyCredential(\"k\"), new OpenAIClientOptions { Endpoint = new Uri(\"http://host.docker.internal:11434/v1\") })")]
    [InlineData("new OpenAIClient(new ApiKeyCredential(\"k\"), new OpenAIClientOptions { Endpoint = new Uri(\"http://[::1]:8000/v1\") })")]
    public async Task SdkPointedAtALocalServerIsNotACallToTheVendor(string expression)
    {
        string source = $$"""
            using System;
            using System.ClientModel;
            using OpenAI;
            class C
            {
                object M() => {{expression}};
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalEndpointIsFollowedThroughLocalsButNotGuessedFromConfigurationOrPrompts()
    {
        const string source = """
            using System;
            using System.ClientModel;
            using Microsoft.SemanticKernel;
            using OpenAI;
            using OpenAI.Chat;
            class C
            {
                object Local()
                {
                    var endpoint = "http://localhost:11434/v1";
                    var client = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri(endpoint) });
                    return client.GetChatClient("llama3.2");
                }

            #pragma warning disable SKEXP0010
                void Kernel(IKernelBuilder builder) => builder.AddOpenAIChatCompletion(modelId: "phi3", endpoint: new Uri("http://localhost:11434"), apiKey: null);
            #pragma warning restore SKEXP0010

                object Configured(string url) => {|#0:new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri(url) })|};

                object Public() => {|#1:new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("http://203.0.113.9/v1") })|};

                object Prompt(ChatClient chat) => {|#2:chat.CompleteChat("http://localhost:3000/")|};
            }
            """;
        await Verify.AnalyzerAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(2));
    }

    [Fact]
    public async Task GenericWrapperCallingTheSdkIsReportedInsideTheWrapper()
    {
        const string source = """
            using System;
            using OpenAI.Chat;
            class Retry<T> where T : class
            {
                public TResult Run<TResult>(T client, Func<T, TResult> call) => call(client);
            }
            class C
            {
                object M(ChatClient chat) => new Retry<ChatClient>().Run(chat, c => {|#0:c.CompleteChat("hi")|});
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0));
    }

    [Fact]
    public async Task TopLevelStatementsAreAnalyzed()
    {
        const string source = """
            using OpenAI.Chat;
            var chat = {|#0:new ChatClient("model", "key")|};
            System.Console.WriteLine({|#1:chat.CompleteChat("hi")|}.Value.Content[0].Text);
            """;
        await Verify.ExecutableAsync(source,
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(1));
    }

    [Fact]
    public async Task OpenRuntimeIsNotReported()
    {
        const string source = """
            using System;
            using Microsoft.Extensions.AI;
            using OllamaSharp;
            class C
            {
                IChatClient M() => new OllamaApiClient(new Uri("http://localhost:11434"), "qwen2.5:7b");
            }
            """;
        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task RulesFileCanDisableABuiltInService()
    {
        const string source = """
            using OpenAI;
            class C
            {
                object M() => new OpenAIClient("key");
            }
            """;
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", """{ "services": [ { "id": "openai", "enabled": false } ] }""") });
    }

    [Fact]
    public async Task RulesFileCanAddAService()
    {
        // The in-house SDK is another project the app references (a type of the app's own assembly never matches).
        const string gateway = "namespace Contoso.Llm { public class GatewayClient { public string Ask(string q) => q; } }";
        const string source = """
            class C
            {
                string M() => {|#0:new Contoso.Llm.GatewayClient().Ask("q")|};
            }
            """;
        const string rules = """
            {
              "services": [
                { "id": "contoso-gateway", "name": "Contoso LLM gateway", "vendor": "Contoso", "license": "LicenseRef-proprietary",
                  "symbols": ["N:Contoso.Llm"], "alternatives": [ { "model": "olmo-2-7b", "runtime": "ollamasharp" } ] }
              ]
            }
            """;
        var test = Verify.Create(new[] { source }, new[] { ("/0/licenseguard.json", rules) });
        test.TestState.AdditionalProjects["Gateway"].Sources.Add(("/Gateway/GatewayClient.cs", gateway));
        test.TestState.AdditionalProjectReferences.Add("Gateway");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0)
            .WithArguments("GatewayClient.Ask", "Contoso LLM gateway", "proprietary, api-only", "OLMo 2 7B (Apache-2.0, permissive) via OllamaSharp"));
        await test.RunAsync();
    }

    [Fact]
    public async Task RulesFileSeverityOverrideApplies()
    {
        const string source = """
            using OpenAI;
            class C
            {
                object M() => {|#0:new OpenAIClient("key")|};
            }
            """;
        await Verify.AnalyzerAsync(new[] { source }, new[] { ("/0/licenseguard.json", """{ "rules": { "LG1001": { "severity": "error" } } }""") },
            Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task GeneratedCodeIsAnalyzedUnlessTurnedOff()
    {
        const string source = """
            // <auto-generated/>
            using OpenAI;
            class C
            {
                object M() => {|#0:new OpenAIClient("key")|};
            }
            """;
        await Verify.AnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.ProprietaryAiCall).WithLocation(0));

        var test = Verify.Create(new[] { source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty) }, Array.Empty<(string, string)>());
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\n{AnalyzerOptionKeys.AnalyzeGeneratedCode} = false\n"));
        await test.RunAsync();
    }

    /// <summary>
    /// Issue 24, item 5: a helper project named like a vendor (assembly <c>&lt;Vendor&gt;.Samples.Terminal</c>, referenced by
    /// ProjectReference) is the user's code — for every namespace the catalog lists, none of its helpers is a finding.
    /// </summary>
    [Fact]
    public async Task AHelperProjectNamedLikeEachCataloguedVendorIsTheUsersCode()
    {
        var namespaces = LicenseGuard.Catalog.RulesCatalog.BuiltIn.Services.SelectMany(s => s.Symbols).Where(s => s.StartsWith("N:", StringComparison.Ordinal)).Select(s => s[2..]).Distinct().ToList();
        var calls = new List<string>();
        foreach (var (ns, i) in namespaces.Select((ns, i) => (ns, i)))
        {
            string assemblyName = ns + ".Samples.Terminal";
            string helper = $$"""
                namespace {{ns}} { public static class Terminal{{i}} { public static void Print(string text) => System.Console.WriteLine(text); } }
                namespace {{ns}}.Samples.Terminal { public sealed class Prompt{{i}} { public string Render() => "hi"; } }
                """;
            calls.Add($"global::{ns}.Terminal{i}.Print(new global::{ns}.Samples.Terminal.Prompt{i}().Render());");
            References.Add(await ProjectReferenceAsync(assemblyName, helper, SdkPackages.All));
        }

        string program = "static class Program { static void Main() { " + string.Join(" ", calls) + " } }";
        var diagnostics = await RunWithReferencesAsync(program, SdkPackages.All);

        Assert.Empty(diagnostics);
    }

    /// <summary>
    /// A package pattern in a rules file (<c>Contoso.AI.*</c>) says which packages are the SDK, not which assembly names are: the
    /// user's own helper project <c>Contoso.AI.Samples</c> is not the vendor's, though its name fits the pattern.
    /// </summary>
    [Fact]
    public async Task AnAssemblyNamedLikeAPackagePatternIsNotTheVendorsByItsNameAlone()
    {
        References.Add(await ProjectReferenceAsync("Contoso.AI.Samples", """
            namespace Contoso.AI.Samples { public static class Terminal { public static void Print(string text) => System.Console.WriteLine(text); } }
            """, SdkPackages.RuntimeOnly));
        var rules = new TestAdditionalText("/0/licenseguard.json", """
            { "services": [ { "id": "contoso-ai", "name": "Contoso AI", "vendor": "Contoso", "access": "api-only", "license": "LicenseRef-proprietary",
                              "packages": ["Contoso.AI.*"], "symbols": ["N:Contoso.AI"] } ] }
            """);

        var diagnostics = await RunWithReferencesAsync("static class Program { static void Main() => Contoso.AI.Samples.Terminal.Print(\"hi\"); }", SdkPackages.RuntimeOnly, rules);

        Assert.Empty(diagnostics);
    }

    /// <summary>
    /// Issue 24, item 5: a vendored copy of an SDK, built by another project of the solution and referenced by ProjectReference,
    /// is the vendor's: its catalogued types and members are findings, as they are from the package.
    /// </summary>
    [Fact]
    public async Task AVendoredCopyOfAnSdkReferencedAsAProjectIsTheVendors()
    {
        // No SDK package anywhere in this build: the types come from the vendored project only.
        References.Add(await ProjectReferenceAsync("Anthropic.Vendored", """
            namespace Anthropic
            {
                public class AnthropicClient { public Messages Messages { get; } = new Messages(); }
                public class Messages { public string Create(string prompt) => prompt; }
            }
            """, SdkPackages.RuntimeOnly));
        const string program = """
            static class Program
            {
                static string Ask() => new Anthropic.AnthropicClient().Messages.Create("hi");
            }
            """;

        var diagnostics = await RunWithReferencesAsync(program, SdkPackages.RuntimeOnly);

        var call = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.ProprietaryAiCall, call.Id);
        Assert.Contains("Anthropic", call.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The SDK's own repository (an example program referencing the SDK's project, as openai-dotnet's examples do): the
    /// assembly carries the package's id, so the whole namespace is the vendor's, not only the types the catalog names.
    /// </summary>
    [Fact]
    public async Task AnSdkBuiltFromItsSourceUnderThePackagesNameIsTheVendorsNamespaceWide()
    {
        References.Add(await ProjectReferenceAsync("Anthropic", """
            namespace Anthropic.Models { public class MessageService { public string Create(string prompt) => prompt; } }
            """, SdkPackages.RuntimeOnly));
        const string program = """
            static class Program
            {
                static string Ask() => new Anthropic.Models.MessageService().Create("hi");
            }
            """;

        var diagnostics = await RunWithReferencesAsync(program, SdkPackages.RuntimeOnly);

        Assert.Equal(DiagnosticIds.ProprietaryAiCall, Assert.Single(diagnostics).Id);
    }

    private List<Microsoft.CodeAnalysis.MetadataReference> References { get; } = new();

    /// <summary>Where this test's helper projects are built; deleted after the test.</summary>
    private string OutputRoot => outputRoot ??= Directory.CreateTempSubdirectory("licenseguard-projectref-").FullName;

    private string? outputRoot;

    public void Dispose()
    {
        if (outputRoot != null)
        {
            Directory.Delete(outputRoot, recursive: true);
        }
    }

    /// <summary>Builds a helper project into a folder laid out like a project's output (not a package) and references it.</summary>
    private async Task<Microsoft.CodeAnalysis.MetadataReference> ProjectReferenceAsync(string assemblyName, string source, Microsoft.CodeAnalysis.Testing.ReferenceAssemblies referenceAssemblies)
    {
        var references = await referenceAssemblies.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(assemblyName, new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) }, references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        string folder = Path.Combine(OutputRoot, assemblyName, "bin", "Debug", "net10.0");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, assemblyName + ".dll");
        Microsoft.CodeAnalysis.Emit.EmitResult emitted;
        using (var stream = File.Create(path))
        {
            emitted = compilation.Emit(stream);
        }

        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(path);
    }

    private async Task<List<Microsoft.CodeAnalysis.Diagnostic>> RunWithReferencesAsync(string program, Microsoft.CodeAnalysis.Testing.ReferenceAssemblies referenceAssemblies, params Microsoft.CodeAnalysis.AdditionalText[] additionalFiles)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Program",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(program, path: "/corpus/Program.cs") },
            (await referenceAssemblies.ResolveAsync(Microsoft.CodeAnalysis.LanguageNames.CSharp, CancellationToken.None)).AddRange(References),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, additionalFiles);
        Assert.Empty(exceptions);
        return diagnostics.Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal)).ToList();
    }
}

