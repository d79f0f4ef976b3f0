// category: model
// Closed-weight model ids where real code keeps them: constants, defaults, options, dated and regional variants, gateway ids
// (`vendor/model`), Azure spellings, embedding and rerank ids of each vendor, ids inside URLs, query strings, JSON bodies and
// multi-line raw or interpolated strings; and the same names where they are not ids: prose, logs, test names, file names,
// open-weight models with similar spellings.
using System;
using System.Collections.Generic;

namespace Corpus.ModelIds;

// case: a default model in a constant — the id where it is written
public static class DefaultModel
{
    public const string Chat = "gpt-4o"; // expect: LG1003
}

// case: a dated snapshot of GPT-4o mini — dated variants are the same closed model
public static class DatedSnapshot
{
    public const string Model = "gpt-4o-mini-2024-07-18"; // expect: LG1003
}

// case: a model id as a default parameter value — a closed model chosen in code
public static class DefaultParameter
{
    public static string Pick(string model = "o3-mini") => model; // expect: LG1003
}

// case: a model id in a switch expression over tiers — each closed id
public static class Tiers
{
    public static string For(int tier) => tier switch
    {
        0 => "gpt-4.1-nano", // expect: LG1003
        1 => "gpt-4.1", // expect: LG1003
        _ => "gpt-5", // expect: LG1003
    };
}

// case: Gemini model id in a dictionary of providers — closed Gemini
public static class ProviderMap
{
    public static readonly Dictionary<string, string> Models = new()
    {
        ["google"] = "gemini-2.0-flash", // expect: LG1003
        ["local"] = "llama3.1:8b",
    };
}

// case: a Bedrock model id with a regional inference profile prefix — Claude on Bedrock, closed
public static class BedrockRegional
{
    public const string Model = "us.anthropic.claude-3-5-sonnet-20241022-v2:0"; // expect: LG1003
}

// case: a Vertex AI publisher model id with a version suffix — Claude on Vertex, closed
public static class VertexVersioned
{
    public const string Model = "claude-3-5-sonnet-v2@20241022"; // expect: LG1003
}

// case: an OpenRouter-style gateway id `vendor/model` — the closed model behind the gateway
public static class GatewayId
{
    public const string Model = "anthropic/claude-3.5-sonnet"; // expect: LG1003
}

// case: an OpenAI embedding id — closed embeddings
public static class OpenAiEmbedding
{
    public const string Model = "text-embedding-3-large"; // expect: LG1003
}

// case: a Cohere rerank id — closed rerank
public static class CohereRerank
{
    public const string Model = "rerank-english-v3.0"; // expect: LG1003
}

// case: a Cohere embed id — closed embeddings
public static class CohereEmbed
{
    public const string Model = "embed-multilingual-v3.0"; // expect: LG1003
}

// case: Gemini embedding id — closed embeddings
public static class GeminiEmbedding
{
    public const string Model = "text-embedding-004"; // expect: LG1003
}

// case: Titan embeddings id on Bedrock — closed embeddings
public static class TitanEmbedding
{
    public const string Model = "amazon.titan-embed-text-v2:0"; // expect: LG1003
}

// case: Mistral's hosted embedding id — closed embeddings
public static class MistralEmbedding
{
    public const string Model = "mistral-embed"; // expect: LG1003
}

// case: a model id in a query string — the id inside the URL
public static class QueryString
{
    public static string Url(string gateway) => gateway + "/chat?model=gpt-4-turbo&stream=true"; // expect: LG1003
}

// case: a model id in an Azure deployments path — the segment after deployments/
public static class DeploymentsPath
{
    public static string Url(string resource) => $"https://{resource}.openai.azure.com/openai/deployments/gpt-4o/chat/completions"; // expect: LG1002 LG1003
}

// case: a model id in a multi-line raw JSON body — the "model" value inside the literal
public static class RawJsonBody
{
    public static string Body(string prompt) => $$"""
        {
          "model": "claude-3-opus-20240229",
          "max_tokens": 512,
          "messages": [{ "role": "user", "content": "{{prompt}}" }]
        }
        """;
    // expect(-7): LG1003
}

// case: a model id with a version hole — the hole could be anything, so no verdict on the shape
public static class InterpolatedVersion
{
    public static string Model(string version) => $"gemini-{version}-pro"; // miss: LG1003 — a hole inside an id is judged only when its value is a constant: `$"gpt-{x}"` may be gpt-oss (open), so an id's shape alone gives no verdict
}

// case: an open-weight model with a GPT-like name — gpt-oss is open (Apache-2.0)
public static class OpenGptOss
{
    public const string Model = "gpt-oss-20b";
}

// case: Llama and Qwen ids for a local runtime — open weights
public static class OpenIds
{
    public static readonly string[] Models = { "llama3.1:8b", "qwen2.5:7b-instruct", "phi3.5", "mistral:7b" };
}

// case: open embedding ids — open weights
public static class OpenEmbeddingIds
{
    public static readonly string[] Models = { "nomic-embed-text", "all-MiniLM-L6-v2", "bge-m3" };
}

// case: a model name in a log message — prose, not an id
public static class LogMessage
{
    public static string Line(int tokens) => $"Sent {tokens} tokens; GPT-4o would have cost more.";
}

// case: a model name in a sentence of UI text — prose
public static class UiText
{
    public const string Banner = "Answers are generated by a large language model similar to Claude or Gemini.";
}

// case: a test name that mentions the model — an identifier, not a string
public static class TestNames
{
    public static void Gpt4oReturnsJsonWhenAsked() { }
}

// case: a file name that contains a model name — a path to a prompt file, not an id
public static class PromptFile
{
    public const string Path = "prompts/gpt-4o-style-guide.md";
}

// case: a description string that mentions a model among words — prose containing an id-like token
public static class Description
{
    public const string Text = "Compare answers with what gpt-4o said yesterday.";
}

// case: an enum-like string used as a key in the user's own settings — a configuration key, not an id
public static class SettingsKey
{
    public const string Key = "OpenAI:ChatModel";
}
