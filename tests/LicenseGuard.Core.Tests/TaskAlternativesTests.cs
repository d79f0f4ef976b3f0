using LicenseGuard.Catalog;

namespace LicenseGuard.Core.Tests;

/// <summary>Alternatives are chosen for what the code does: the task a call, a path, a model id or a model card shows.</summary>
public class TaskAlternativesTests
{
    private static readonly RulesCatalog Catalog = RulesCatalog.BuiltIn;

    public static TheoryData<string> TaskIds => new(RulesCatalog.BuiltIn.Tasks.Select(t => t.Id));

    [Theory]
    [MemberData(nameof(TaskIds))]
    public void EveryTaskHasOpenAlternativesThatDoThatTaskOrSaysWhyNot(string id)
    {
        var task = Catalog.FindTask(id)!;
        Assert.False(string.IsNullOrEmpty(task.Name));
        if (task.Alternatives.Count == 0)
        {
            Assert.NotEmpty(task.Note);
            return;
        }

        foreach (var alternative in task.Alternatives)
        {
            var model = Catalog.FindModel(alternative.Model)!;
            Assert.True(model.OpenWeights, $"{id} suggests {model.Id}");
            Assert.Contains(id, model.Tasks);
            Assert.Contains(model.Run, r => r.Runtime == alternative.Runtime);
            Assert.NotEqual(LicenseClasses.NonCommercial, Catalog.ClassOf(model.License));
        }
    }

    [Fact]
    public void EveryModelAndServiceSaysWhatItDoes()
    {
        Assert.All(Catalog.Models, m => Assert.NotEmpty(m.Tasks));
        Assert.All(Catalog.Services, s => Assert.NotEmpty(s.Tasks));
    }

    [Fact]
    public void ServiceAlternativesAreForATaskTheServiceOffers()
    {
        foreach (var service in Catalog.Services)
        {
            foreach (var alternative in service.Alternatives)
            {
                var model = Catalog.FindModel(alternative.Model)!;
                Assert.True(model.Tasks.Intersect(service.Tasks).Any(), $"{service.Id} suggests {model.Id}");
            }
        }
    }

    [Theory]
    [InlineData("OpenAI.Images.ImageClient.GenerateImageAsync", "image-generation")]
    [InlineData("OpenAI.Images.ImageClient", "image-generation")]
    [InlineData("OpenAI.Images.ImageClient.GenerateImageEdit", "image-editing")]
    [InlineData("OpenAI.OpenAIClient.GetImageClient", "image-generation")]
    [InlineData("Azure.AI.OpenAI.AzureOpenAIClient.GetEmbeddingClient", "embeddings")]
    [InlineData("OpenAI.Embeddings.EmbeddingClient.GenerateEmbeddingsAsync", "embeddings")]
    [InlineData("OpenAI.Audio.AudioClient.TranscribeAudioAsync", "speech-to-text")]
    [InlineData("OpenAI.Audio.AudioClient.GenerateSpeech", "text-to-speech")]
    [InlineData("OpenAI.Chat.ChatClient.CompleteChat", "chat")]
    [InlineData("OpenAI.Moderations.ModerationClient.ClassifyText", "moderation")]
    [InlineData("Microsoft.Extensions.AI.OpenAIClientExtensions.AsIEmbeddingGenerator", "embeddings")]
    [InlineData("Microsoft.Extensions.AI.OpenAIClientExtensions.AsISpeechToTextClient", "speech-to-text")]
    [InlineData("Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions.AddOpenAITextToImage", "image-generation")]
    [InlineData("Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions.AddOpenAIEmbeddingGenerator", "embeddings")]
    [InlineData("Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions.AddOpenAITextEmbeddingGeneration", "embeddings")]
    [InlineData("Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions.AddAzureOpenAIAudioToText", "speech-to-text")]
    [InlineData("Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions.AddAzureOpenAIChatCompletion", "chat")]
    [InlineData("Betalgo.Ranul.OpenAI.Interfaces.IEmbeddingService.CreateEmbedding", "embeddings")]
    [InlineData("Betalgo.Ranul.OpenAI.Interfaces.IImageService.CreateImage", "image-generation")]
    [InlineData("Betalgo.Ranul.OpenAI.Interfaces.ICompletionService.CreateCompletion", "completion")]
    [InlineData("Betalgo.Ranul.OpenAI.Interfaces.IChatCompletionService.CreateCompletion", "chat")]
    [InlineData("Betalgo.Ranul.OpenAI.Interfaces.IAudioService.CreateTranscription", "speech-to-text")]
    [InlineData("Azure.AI.Inference.EmbeddingsClient.Embed", "embeddings")]
    [InlineData("Azure.AI.Inference.ChatCompletionsClient.Complete", "chat")]
    [InlineData("OpenAI.Chat.AssistantChatMessage", "chat")]
    [InlineData("Microsoft.Extensions.AI.OpenAIClientExtensions.AsEmbeddingGenerator", "embeddings")]
    [InlineData("Microsoft.Extensions.AI.OpenAIClientExtensions.AsChatClient", "chat")]
    [InlineData("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", "chat")]
    [InlineData("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService.GetStreamingChatMessageContentsAsync", "chat")]
    [InlineData("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextToImageExecutionSettings", "image-generation")]
    [InlineData("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextToAudioExecutionSettings", "text-to-speech")]
    [InlineData("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIAudioToTextService.GetTextContentsAsync", "speech-to-text")]
    [InlineData("OpenAI.Responses.ResponseItem.CreateUserMessageItem", "chat")]
    [InlineData("OpenAI.Images.ImageGenerationOptions", "image-generation")]
    [InlineData("OpenAI.Images.ImageEditOptions", "image-editing")]
    [InlineData("OpenAI.Audio.AudioTranscriptionOptions", "speech-to-text")]
    [InlineData("OpenAI.Audio.SpeechGenerationOptions", "text-to-speech")]
    [InlineData("OpenAI.Embeddings.EmbeddingGenerationOptions", "embeddings")]
    public void CallsShowTheirTask(string qualifiedName, string task) => Assert.Equal(task, Catalog.TaskOfSymbol(qualifiedName)?.Id);

    [Theory]
    [InlineData("OpenAI.OpenAIClient")]
    [InlineData("OpenAI.OpenAIClient.GetAudioClient")]
    [InlineData("Anthropic.AnthropicClient")]
    [InlineData("Betalgo.Ranul.OpenAI.Managers.OpenAIService")]
    [InlineData("OpenAI.Files.OpenAIFileClient.UploadFile")]
    [InlineData("OpenAI.Audio.AudioClient")]
    public void CallsThatServeEveryTaskShowNone(string qualifiedName) => Assert.Null(Catalog.TaskOfSymbol(qualifiedName));

    [Theory]
    [InlineData("https://api.openai.com/v1/images/generations", "image-generation")]
    [InlineData("https://api.openai.com/v1/images/edits", "image-editing")]
    [InlineData("https://api.openai.com/v1/audio/transcriptions", "speech-to-text")]
    [InlineData("https://api.openai.com/v1/audio/speech", "text-to-speech")]
    [InlineData("https://api.openai.com/v1/embeddings", "embeddings")]
    [InlineData("https://api.openai.com/v1/chat/completions", "chat")]
    [InlineData("https://api.openai.com/v1/completions", "completion")]
    [InlineData("https://api.openai.com/v1/moderations", "moderation")]
    [InlineData("https://x.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21", "embeddings")]
    [InlineData("https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:embedContent?key=k", "embeddings")]
    [InlineData("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent", "chat")]
    [InlineData("https://api.cohere.com/v2/rerank", "rerank")]
    [InlineData("https://api.cohere.com/v2/embed", "embeddings")]
    [InlineData("https://api.anthropic.com/v1/messages", "chat")]
    public void PathsShowTheirTask(string url, string task) => Assert.Equal(task, Catalog.TaskOfUrl(url)?.Id);

    [Theory]
    [InlineData("https://api.openai.com")]
    [InlineData("https://api.openai.com/v1/")]
    [InlineData("https://api.openai.com/v1/models")]
    [InlineData("api.openai.com")]
    public void UrlsWithoutATaskPathShowNone(string url) => Assert.Null(Catalog.TaskOfUrl(url));

    [Fact]
    public void ClaudeGetsChatAlternatives()
    {
        var claude = Catalog.FindModel("claude-3.5-sonnet")!;
        var choice = Catalog.ChooseAlternatives(Catalog.FindService(claude.Service!), claude.Tasks[0]);
        Assert.Equal("chat", choice.Task!.Id);
        Assert.All(choice.Alternatives, a => Assert.Contains("chat", Catalog.FindModel(a.Model)!.Tasks));
        Assert.Equal("qwen2.5-7b@ollamasharp", choice.Alternatives[0].Model + "@" + choice.Alternatives[0].Runtime);
    }

    [Fact]
    public void DallEGetsStableDiffusion()
    {
        var text = Describe("openai", Catalog.FindModel("dall-e")!.Tasks[0]);
        Assert.StartsWith("Stable Diffusion 1.x (CreativeML OpenRAIL-M, open-weights-restricted: use restrictions passed on to users) via StableDiffusion.NET", text);
        Assert.Contains("FLUX.1 [schnell] (Apache-2.0, permissive) via StableDiffusion.NET", text);
    }

    [Fact]
    public void OpenAiEmbeddingsGetBertFamilyEncoders()
    {
        var choice = Catalog.ChooseAlternatives(Catalog.FindService("openai"), "embeddings");
        var families = choice.Alternatives.Select(a => Catalog.FindModel(a.Model)!.Family).ToList();
        Assert.Equal("bert", families[0]);
        Assert.Contains("nomic-bert", families);
        Assert.Equal("all-MiniLM-L6-v2 (Apache-2.0, permissive) via OllamaSharp, nomic-embed-text v1.5 (Apache-2.0, permissive) via OllamaSharp, BERT (Apache-2.0, permissive) via ONNX Runtime", Describe("openai", "embeddings"));
    }

    [Theory]
    [InlineData("gpt-3.5-turbo-instruct")]
    [InlineData("davinci-002")]
    public void LegacyCompletionsGetEleutherAiModels(string id)
    {
        var model = Catalog.FindModel(new LicenseGuard.Matching.ModelIdIndex(Catalog, Array.Empty<string>()).MatchClosed(id)!.Id)!;
        var choice = Catalog.ChooseAlternatives(Catalog.FindService(model.Service!), model.Tasks[0]);
        var ids = choice.Alternatives.Select(a => a.Model).ToList();
        Assert.Equal(new[] { "gpt-j-6b", "gpt-neox-20b", "gpt-neo" }, ids.Take(3));
    }

    [Fact]
    public void WhisperApiGetsWhisperWeightsThroughWhisperNet() =>
        Assert.Equal("Whisper (MIT, permissive) via Whisper.net", Describe("openai", "speech-to-text"));

    [Fact]
    public void TheServicesOwnAlternativesComeFirstWhenTheyDoTheTask()
    {
        // Cohere lists all-MiniLM first for itself; for chat its chat models lead, for embeddings the encoder does.
        Assert.StartsWith("all-MiniLM-L6-v2", Describe("cohere", "embeddings"));
        Assert.StartsWith("Qwen2.5 7B", Describe("cohere", "chat"));
        Assert.StartsWith("Mixtral 8x7B", Describe("mistral", "chat"));
    }

    [Fact]
    public void ASingleTaskServiceNeedsNoTaskFromTheCode()
    {
        var choice = Catalog.ChooseAlternatives(Catalog.FindService("perplexity"), null);
        Assert.Equal("chat", choice.Task!.Id);
        Assert.NotEmpty(choice.Alternatives);
    }

    [Fact]
    public void AnUnknownTaskListsWhatTheServiceCoversInsteadOfGuessing()
    {
        var service = Catalog.FindService("openai")!;
        var choice = Catalog.ChooseAlternatives(service, null);
        Assert.Null(choice.Task);
        Assert.Empty(choice.Alternatives);
        Assert.Equal(string.Empty, choice.Ids);
        string text = Catalog.DescribeChoice(choice, service);
        Assert.Equal(
            "they depend on the task, which this code does not show; OpenAI API covers chat, text completion, embeddings, image generation, image editing, image input (vision), speech to text, text to speech, moderation, video generation ('licenseguard rules show openai' lists the alternatives for each)",
            text);
    }

    [Fact]
    public void APackageFindingDoesNotSayTheCodeShowsNoTask()
    {
        // Issue 24: a package serves every task of its service, whatever the project's code shows; its finding points at the
        // code findings, which name the alternatives for each call.
        var service = Catalog.FindService("openai")!;

        string text = Catalog.DescribeChoice(Catalog.ChooseAlternatives(service, null), service, forPackage: true);

        Assert.StartsWith("they depend on what the code does with it (each call's finding names them); OpenAI API covers chat, ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("this code does not show", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ATaskWithoutAlternativesSaysSo()
    {
        string text = Describe("openai", "video-generation");
        Assert.StartsWith("none for video generation. The catalog lists no open video model with a .NET runtime", text);
    }

    [Fact]
    public void AUserServiceWithoutTasksKeepsItsOwnAlternatives()
    {
        var catalog = RulesCatalog.Load(new[]
        {
            new RulesSource("licenseguard.json", """{ "services": [ { "id": "contoso", "name": "Contoso LLM", "alternatives": [ { "model": "olmo-2-7b", "runtime": "ollamasharp" } ] } ] }"""),
        });
        Assert.Empty(catalog.Problems);
        var choice = catalog.ChooseAlternatives(catalog.FindService("contoso"), null);
        Assert.Equal("olmo-2-7b@ollamasharp", choice.Ids);
    }

    [Fact]
    public void UserRulesCanAddATaskAndUseIt()
    {
        var catalog = RulesCatalog.Load(new[]
        {
            new RulesSource("licenseguard.json", """
                {
                  "tasks": [ { "id": "ocr", "name": "OCR", "symbols": ["Contoso.Vision.OcrClient.*"], "alternatives": [ { "model": "qwen2.5-vl-7b", "runtime": "ollamasharp" } ] } ],
                  "models": [ { "id": "qwen2.5-vl-7b", "tasks": ["vision", "chat", "ocr"] } ]
                }
                """),
        });
        Assert.Empty(catalog.Problems);
        Assert.Equal("ocr", catalog.TaskOfSymbol("Contoso.Vision.OcrClient.Read")!.Id);
        Assert.Equal("qwen2.5-vl-7b@ollamasharp", catalog.ChooseAlternatives(null, "ocr").Ids);
    }

    [Fact]
    public void UnknownTaskReferencesAreProblemsAtTheirPosition()
    {
        var catalog = RulesCatalog.Load(new[]
        {
            new RulesSource("licenseguard.json", """
                { "models": [ { "id": "x", "tasks": ["chat", "telepathy"] } ],
                  "tasks": [ { "id": "y", "alternatives": [ { "model": "nope", "runtime": "ollamasharp" } ] } ] }
                """),
        });
        Assert.Equal(2, catalog.Problems.Count);
        Assert.Contains(catalog.Problems, p => p.Span.Line == 1 && p.Message.Contains("Unknown task 'telepathy'"));
        Assert.Contains(catalog.Problems, p => p.Span.Line == 2 && p.Message.Contains("Unknown model 'nope' in the alternatives of task 'y'"));
        Assert.Equal(new[] { "chat" }, catalog.FindModel("x")!.Tasks);
    }

    private static string Describe(string serviceId, string task)
    {
        var service = Catalog.FindService(serviceId);
        return Catalog.DescribeChoice(Catalog.ChooseAlternatives(service, task), service);
    }
}
