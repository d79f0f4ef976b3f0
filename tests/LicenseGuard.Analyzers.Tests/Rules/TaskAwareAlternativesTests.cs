using LicenseGuard.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace LicenseGuard.Analyzers.Tests.Rules;

/// <summary>
/// Every surface offers alternatives for what the code does: image generation gets image models, embeddings get encoders,
/// speech gets Whisper, legacy completions get base models. Each case is compiled against the real SDK assemblies.
/// </summary>
public class TaskAwareAlternativesTests
{
    private const string Usings = """
        #pragma warning disable SKEXP0001, SKEXP0010, OPENAI001, MEAI001
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Azure.AI.OpenAI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using OpenAI;
        using OpenAI.Audio;
        using Betalgo.Ranul.OpenAI.Interfaces;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

        """;

    [Theory]
    // OpenAI SDK: the member called or the client's model shows the task.
    [InlineData("openAi.GetImageClient(\"dall-e-3\").GenerateImage(\"a lighthouse\");", "LG1001", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("openAi.GetImageClient(\"dall-e-2\").GenerateImageEdit(image, \"a.png\", \"add a boat\");", "LG1001", "image-editing", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("openAi.GetAudioClient(\"whisper-1\").TranscribeAudio(audio, \"meeting.wav\");", "LG1001", "speech-to-text", "whisper@whisper-net")]
    [InlineData("var transcriber = openAi.GetAudioClient(\"whisper-1\");", "LG1001", "speech-to-text", "whisper@whisper-net")]
    [InlineData("openAi.GetAudioClient(\"tts-1\").GenerateSpeech(\"hello\", GeneratedSpeechVoice.Alloy);", "LG1001", "text-to-speech", "kokoro-82m@sherpa-onnx")]
    [InlineData("openAi.GetEmbeddingClient(\"text-embedding-3-small\").GenerateEmbedding(\"invoice\");", "LG1001", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("openAi.GetModerationClient(\"omni-moderation-latest\").ClassifyText(\"text\");", "LG1001", "moderation", "granite-guardian@ollamasharp")]
    [InlineData("openAi.GetChatClient(\"gpt-4o\").CompleteChat(\"hi\");", "LG1001", "chat", "qwen2.5-7b@ollamasharp")]
    // Options and messages of a task's SDK namespace, and Semantic Kernel execution settings (shapes of the OpenAI .NET examples
    // and the Semantic Kernel concept samples).
    [InlineData("var options = new OpenAI.Images.ImageGenerationOptions { Size = OpenAI.Images.GeneratedImageSize.W1024xH1024 };", "LG1001", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("var options = new OpenAI.Audio.AudioTranscriptionOptions { Language = \"en\" };", "LG1001", "speech-to-text", "whisper@whisper-net")]
    [InlineData("var message = new OpenAI.Chat.UserChatMessage(\"hi\");", "LG1001", "chat", "qwen2.5-7b@ollamasharp")]
    [InlineData("var settings = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextToImageExecutionSettings();", "LG1001", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("var settings = new Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings { MaxTokens = 100 };", "LG1001", "chat", "qwen2.5-7b@ollamasharp")]
    // Microsoft.Extensions.AI adapters.
    [InlineData("IImageGenerator images = openAi.GetImageClient(\"gpt-image-1\").AsIImageGenerator();", "LG1001", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("ISpeechToTextClient stt = openAi.GetAudioClient(\"whisper-1\").AsISpeechToTextClient();", "LG1001", "speech-to-text", "whisper@whisper-net")]
    [InlineData("var embedder = openAi.GetEmbeddingClient(\"text-embedding-3-large\").AsIEmbeddingGenerator();", "LG1001", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    // Azure OpenAI: deployment names say nothing, the client getter does.
    [InlineData("azure.GetEmbeddingClient(\"my-embeddings\").GenerateEmbeddings(new[] { \"a\", \"b\" });", "LG1001", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("azure.GetImageClient(\"my-images\").GenerateImage(\"a lighthouse\");", "LG1001", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    // Semantic Kernel registrations.
    [InlineData("kernel.AddOpenAIEmbeddingGenerator(\"text-embedding-3-small\", key);", "LG1001", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("kernel.AddOpenAITextEmbeddingGeneration(\"text-embedding-3-small\", key);", "LG1001", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("services.AddOpenAITextToImage(key);", "LG1001", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("kernel.AddOpenAIAudioToText(\"whisper-1\", key);", "LG1001", "speech-to-text", "whisper@whisper-net")]
    [InlineData("kernel.AddAzureOpenAITextToAudio(\"tts\", endpoint, key);", "LG1001", "text-to-speech", "kokoro-82m@sherpa-onnx")]
    // Betalgo: the service property shows the task.
    [InlineData("await betalgo.Embeddings.CreateEmbedding(new EmbeddingCreateRequest { Input = \"x\", Model = model });", "LG1001", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("await betalgo.Image.CreateImage(new Betalgo.Ranul.OpenAI.Contracts.Requests.Image.CreateImageRequest { Prompt = \"x\" });", "LG1001", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("await betalgo.Completions.CreateCompletion(new CompletionCreateRequest { Prompt = \"x\", Model = model });", "LG1001", "completion", "gpt-j-6b@onnxruntime")]
    [InlineData("await betalgo.Audio.CreateTranscription(new AudioCreateTranscriptionRequest { FileName = \"a.wav\", Model = model });", "LG1001", "speech-to-text", "whisper@whisper-net")]
    // Closed model ids: their own task.
    [InlineData("var modelId = \"claude-3-5-sonnet-20241022\";", "LG1003", "chat", "qwen2.5-7b@ollamasharp")]
    [InlineData("var modelId = \"dall-e-3\";", "LG1003", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("var modelId = \"text-embedding-3-small\";", "LG1003", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("var modelId = \"mistral-embed\";", "LG1003", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("var modelId = \"embed-english-v3.0\";", "LG1003", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("var modelId = \"rerank-v3.5\";", "LG1003", "rerank", "bge-reranker-v2-m3@onnxruntime")]
    [InlineData("var modelId = \"whisper-1\";", "LG1003", "speech-to-text", "whisper@whisper-net")]
    [InlineData("var modelId = \"gpt-3.5-turbo-instruct\";", "LG1003", "completion", "gpt-j-6b@onnxruntime")]
    [InlineData("var modelId = \"davinci-002\";", "LG1003", "completion", "gpt-j-6b@onnxruntime")]
    [InlineData("var modelId = \"imagen-3.0-generate-002\";", "LG1003", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("var modelId = \"pixtral-large-latest\";", "LG1003", "vision", "qwen2.5-vl-7b@ollamasharp")]
    // Raw REST: the path shows the task.
    [InlineData("await http.PostAsync(\"https://api.openai.com/v1/images/generations\", null);", "LG1002", "image-generation", "stable-diffusion-1@stablediffusion-net")]
    [InlineData("await http.PostAsync(\"https://api.openai.com/v1/audio/transcriptions\", null);", "LG1002", "speech-to-text", "whisper@whisper-net")]
    [InlineData("await http.PostAsync(\"https://api.openai.com/v1/embeddings\", null);", "LG1002", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("await http.PostAsync(\"https://api.openai.com/v1/completions\", null);", "LG1002", "completion", "gpt-j-6b@onnxruntime")]
    [InlineData("await http.PostAsync($\"https://generativelanguage.googleapis.com/v1beta/models/{model}:embedContent\", null);", "LG1002", "embeddings", "all-minilm-l6-v2@ollamasharp")]
    [InlineData("await http.PostAsync(\"https://api.cohere.com/v2/rerank\", null);", "LG1002", "rerank", "bge-reranker-v2-m3@onnxruntime")]
    public async Task FindingsOfferAlternativesForTheirTask(string statement, string id, string task, string firstAlternative)
    {
        var findings = await FindingsAsync(statement);
        var finding = Assert.Single(findings, d => d.Id == id);
        Assert.Equal(task, finding.Properties["task"]);
        string[] alternatives = finding.Properties["alternatives"]!.Split(',');
        Assert.Equal(firstAlternative, alternatives[0]);

        // Every alternative does the task, and the message names the first one.
        var catalog = LicenseGuard.Catalog.RulesCatalog.BuiltIn;
        Assert.All(alternatives, a => Assert.Contains(task, catalog.FindModel(a.Split('@')[0])!.Tasks));
        Assert.Contains(catalog.FindModel(firstAlternative.Split('@')[0])!.Name, finding.GetMessage());
    }

    [Fact]
    public async Task ALegacyCompletionIdOffersTheEleutherAiModels()
    {
        var finding = Assert.Single(await FindingsAsync("var modelId = \"gpt-3.5-turbo-instruct\";"));
        Assert.Equal("gpt-j-6b@onnxruntime,gpt-neox-20b@llamasharp,gpt-neo@onnxruntime,olmo-2-7b@llamasharp", finding.Properties["alternatives"]);
        Assert.Contains("GPT-J 6B (Apache-2.0, permissive) via ONNX Runtime, GPT-NeoX 20B (Apache-2.0, permissive) via LLamaSharp, GPT-Neo (MIT, permissive) via ONNX Runtime", finding.GetMessage());
        Assert.Contains("names GPT-3.5 Turbo Instruct (completions)", finding.GetMessage());
    }

    [Theory]
    [InlineData("dall-e-3", "DALL·E")]
    [InlineData("whisper-1", "Whisper API and GPT-4o transcription (hosted)")]
    [InlineData("tts-1", "OpenAI text-to-speech")]
    [InlineData("gpt-3.5-turbo", "GPT-3.5 Turbo")]
    [InlineData("gpt-4-turbo", "GPT-4")]
    public async Task MessagesNameTheRightModel(string id, string name)
    {
        var finding = Assert.Single(await FindingsAsync($"var modelId = \"{id}\";"));
        Assert.Contains($"names {name}, a closed-weight model", finding.GetMessage());
    }

    [Fact]
    public async Task AClientWhoseTaskTheCodeDoesNotShowListsTheServicesTasksAndOffersNoFix()
    {
        var finding = Assert.Single(await FindingsAsync("var client = new OpenAIClient(key);"));
        Assert.False(finding.Properties.ContainsKey("task"));
        Assert.Equal(string.Empty, finding.Properties["alternatives"]);
        Assert.Contains("they depend on the task, which this code does not show; OpenAI API covers chat, text completion, embeddings, image generation", finding.GetMessage());
    }

    [Fact]
    public async Task ImageAndSpeechFindingsGetNoCodeFixBecauseNoOpenRuntimeImplementsTheirAbstraction()
    {
        // The chat adapter beside them is the control: it gets its fixes, the image and speech adapters get none.
        var titles = await WorkspaceFixes.ForAsync(new LicenseGuard.CodeFixes.Rules.ProprietaryAiCallFixer(), new LicenseGuard.Analyzers.Rules.ProprietaryAiCallAnalyzer(), """
            #pragma warning disable MEAI001
            using Microsoft.Extensions.AI;
            using OpenAI;
            class Media
            {
                IImageGenerator Images(OpenAIClient client) => client.GetImageClient("dall-e-3").AsIImageGenerator();
                ISpeechToTextClient Speech(OpenAIClient client) => client.GetAudioClient("whisper-1").AsISpeechToTextClient();
                IChatClient Chat(OpenAIClient client) => client.GetChatClient("gpt-4o").AsIChatClient();
            }
            """);
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Matches("^Use (Qwen2.5 7B|gpt-oss-20b|Phi-3.5 mini|OLMo 2 7B) through ", t));
        Assert.NotEmpty(await FindingsAsync("IImageGenerator images = openAi.GetImageClient(\"dall-e-3\").AsIImageGenerator();"));
    }

    private static async Task<List<Diagnostic>> FindingsAsync(string statement)
    {
        string source = Usings + $$"""
            class Probe
            {
                async Task M(OpenAIClient openAi, AzureOpenAIClient azure, IKernelBuilder kernel, IServiceCollection services, IOpenAIService betalgo,
                    HttpClient http, Stream audio, Stream image, string key, string endpoint, string model)
                {
                    {{statement}}
                }
            }
            """;
        var compilation = await AnalyzerRunner.CompileAsync(new[] { source });
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, Array.Empty<Microsoft.CodeAnalysis.AdditionalText>());
        Assert.Empty(exceptions);
        return diagnostics.Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal)).ToList();
    }
}
