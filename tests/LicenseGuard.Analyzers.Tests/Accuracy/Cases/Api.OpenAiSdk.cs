// category: api
// Calls through the official OpenAI SDK, written in the shapes seen in openai-dotnet's examples, dotnet/ai-samples and
// Azure-Samples apps: clients from environment variables, sub-clients from a root client, streaming, images, audio, and the
// message and option types around the calls. Every call, client or SDK object created outside a larger SDK expression is a
// finding: it is a line that has to change to leave the service. Reading a property of a result is not a call: the call that
// produced it is the finding.
using System;
using System.ClientModel;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Images;

namespace Corpus.OpenAiSdk;

// case: root client from an environment variable — `new OpenAIClient(Environment.GetEnvironmentVariable(...))`, the most common first line
public static class RootClient
{
    public static OpenAIClient Create() => new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY")); // expect: LG1001
}

// case: chat client from a root client with a configured model — model name from configuration, so no LG1003; reading the text is not a call
public class ChatFromRoot
{
    private readonly ChatClient chat;

    public ChatFromRoot(OpenAIClient root, string model) => chat = root.GetChatClient(model); // expect: LG1001

    public async Task<string> AskAsync(string question)
    {
        ChatCompletion completion = await chat.CompleteChatAsync(question); // expect: LG1001
        return completion.Content[0].Text;
    }
}

// case: chat client constructed directly with a closed model id — the call and the model id are both findings
public static class DirectChatClient
{
    public static ChatClient Create(string key) => new ChatClient("gpt-4o-mini", new ApiKeyCredential(key)); // expect: LG1001 LG1003
}

// case: streaming updates in an await foreach — the streaming call; reading the updates' parts is not a call
public static class Streaming
{
    public static async Task PrintAsync(ChatClient client, string prompt)
    {
        await foreach (StreamingChatCompletionUpdate update in client.CompleteChatStreamingAsync(prompt)) // expect: LG1001
        {
            foreach (ChatMessageContentPart part in update.ContentUpdate)
            {
                Console.Write(part.Text);
            }
        }
    }
}

// case: message list built from SDK message types — each message creation is code written against the SDK
public static class MessageList
{
    public static List<ChatMessage> Build(string system, string user) => new()
    {
        new SystemChatMessage(system), // expect: LG1001
        new UserChatMessage(user), // expect: LG1001
    };
}

// case: the message list handed to the call in one expression — one finding for the whole call
public static class OneExpression
{
    public static ClientResult<ChatCompletion> Ask(ChatClient client, string q) => client.CompleteChat(new UserChatMessage(q)); // expect: LG1001
}

// case: options object with a JSON response format — options are SDK types too
public static class JsonMode
{
    public static ChatCompletionOptions Options() => new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() }; // expect: LG1001
}

// case: embeddings through EmbeddingClient with a closed embedding model — embeddings task, model id reported too; turning the result into floats is a local conversion of a value the program has, like reading a property (issue 24), not a call
public static class Embeddings
{
    public static async Task<ReadOnlyMemory<float>> EmbedAsync(string key, string text)
    {
        EmbeddingClient client = new("text-embedding-3-small", key); // expect: LG1001 LG1003
        OpenAIEmbedding embedding = await client.GenerateEmbeddingAsync(text); // expect: LG1001
        return embedding.ToFloats();
    }
}

// case: image generation with DALL·E 3 from the root client — image-generation task
public static class Images
{
    public static async Task<Uri> DrawAsync(OpenAIClient root, string prompt)
    {
        ImageClient images = root.GetImageClient("dall-e-3"); // expect: LG1001 LG1003
        GeneratedImage image = await images.GenerateImageAsync(prompt); // expect: LG1001
        return image.ImageUri;
    }
}

// case: hosted Whisper transcription of a file — speech-to-text through the API
public static class Transcription
{
    public static async Task<string> TranscribeAsync(OpenAIClient root, string path)
    {
        AudioClient audio = root.GetAudioClient("whisper-1"); // expect: LG1001 LG1003
        AudioTranscription transcription = await audio.TranscribeAudioAsync(path); // expect: LG1001
        return transcription.Text;
    }
}

// case: text to speech written to a file — text-to-speech through the API
public static class Speech
{
    public static void Say(string key, string text, string path)
    {
        var client = new AudioClient("tts-1", key); // expect: LG1001 LG1003
        BinaryData audio = client.GenerateSpeech(text, GeneratedSpeechVoice.Alloy); // expect: LG1001
        File.WriteAllBytes(path, audio.ToArray());
    }
}

// case: client options pointing the SDK at a custom endpoint from configuration — still the OpenAI SDK, still a finding
public static class CustomEndpoint
{
    public static OpenAIClient Create(string key, Uri endpoint) =>
        new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = endpoint }); // expect: LG1001
}

// case: an SDK client held in a field and passed through a method group — the method reference is a call site
public class MethodGroup
{
    private readonly ChatClient client;

    public MethodGroup(ChatClient client) => this.client = client;

    public Func<string, Task<ClientResult<ChatCompletion>>> Asker() => prompt => client.CompleteChatAsync(prompt); // expect: LG1001
}

// case: an SDK type only in a parameter and a field declaration — declarations call nothing; the caller's construction is the finding
public class HoldsAClient
{
    private readonly ChatClient client;

    public HoldsAClient(ChatClient client) => this.client = client;

    public override string ToString() => nameof(HoldsAClient);
}

// case: a nameof over an SDK member — a compile-time string, no call
public static class NameOfOnly
{
    public const string Member = nameof(ChatClient.CompleteChatAsync);
}

// case: typeof an SDK type for logging categories — metadata only, no call into the SDK
public static class TypeOfOnly
{
    public static string Category() => typeof(OpenAIClient).FullName ?? "";
}
