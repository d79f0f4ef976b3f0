// category: model
// Model ids in the places real code builds requests: constants joined across classes, verbatim and raw strings, attribute
// arguments, records and options with defaults, string.Format templates, gateway routes, Bedrock invoke paths; and strings
// that look like requests but carry no closed id.
using System;
using System.ComponentModel;
using System.Net.Http;
using System.Text;

namespace Corpus.ModelEmbedded;

// case: a model id joined from constants — reported once, at the literal that already names the closed family (claude-*)
public static class Family
{
    public const string Prefix = "claude-3-5-"; // expect: LG1003
    public const string Model = Prefix + "haiku-20241022";
}

// case: a model id joined from a neutral prefix and a closed suffix — folded and reported where the whole is formed
public static class Joined
{
    public const string Vendor = "openai/";
    public const string Model = Vendor + "o3"; // expect: LG1003
}

// case: a verbatim JSON body with the model — the "model" value in an @"..." string
public static class VerbatimBody
{
    public const string Body = @"{ ""model"": ""gpt-4o-mini"", ""temperature"": 0 }"; // expect: LG1003
}

// case: a model id as an attribute argument on a setting — a constant in metadata the app uses
public sealed class Settings
{
    [DefaultValue("gemini-1.5-pro")] // expect: LG1003
    public string Model { get; set; } = "";
}

// case: a record with a default model id — the default
public sealed record CompletionOptions(string Model = "o1-mini", int MaxTokens = 512); // expect: LG1003

// case: a Bedrock invoke path with the model id segment — the id after /model/
public static class BedrockInvoke
{
    public static string Path => "/model/anthropic.claude-3-haiku-20240307-v1:0/invoke"; // expect: LG1003
}

// case: a Vertex AI publisher path for Gemini — the id after models/ with a :verb
public static class VertexPath
{
    public static string Path(string project) =>
        "projects/" + project + "/locations/us-central1/publishers/google/models/gemini-1.5-flash-002:streamGenerateContent"; // expect: LG1003
}

// case: a gateway id for Mistral's closed model — provider prefix and id
public static class MistralGateway
{
    public const string Model = "mistralai/mistral-large-2411"; // expect: LG1003
}

// case: a multi-line raw interpolated request with the model and a prompt hole — the "model" value survives the hole
public static class RawInterpolatedRequest
{
    public static string Body(string prompt) => $$"""
        { "model": "gpt-4.1-mini", "input": "{{prompt}}" }
        """;
    // expect(-3): LG1003
}

// case: a StringBuilder that appends the model id — the literal where it is written
public static class Builder
{
    public static string Body(string prompt) => new StringBuilder().Append("{\"model\":\"o4-mini\",\"input\":\"").Append(prompt).Append("\"}").ToString(); // expect: LG1003
}

// case: a request message with a closed model in a header — the header value
public static class HeaderValue
{
    public static HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat");
        request.Headers.Add("x-model", "grok-3-mini"); // expect: LG1003
        return request;
    }
}

// case: Grok 2 by id — its weights are published (Grok 2 Community License), so it is not a closed model; the xAI host would be LG1002
public static class GrokTwo
{
    public const string Model = "grok-2-1212";
}

// case: an open model in a JSON body sent to a local server — open weights, no finding
public static class OpenModelBody
{
    public const string Body = """{"model": "qwen2.5:14b", "stream": false}""";
}

// case: a gateway id for an open model — gateway prefix, open model behind it
public static class OpenGatewayId
{
    public const string Model = "meta-llama/llama-3.1-70b-instruct";
}

// case: a JSON body whose model comes from a hole — nothing closed is written
public static class HoleModel
{
    public static string Body(string model) => $$"""{"model": "{{model}}", "stream": true}""";
}

// case: a URL path with "models" listing endpoint and no id — the segment after models is empty
public static class ModelsListing
{
    public const string Path = "/v1/models";
}

// case: a string.Format template with the model as an argument from configuration — no id written
public static class FormatTemplate
{
    public static string Url(string model) => string.Format("/openai/deployments/{0}/chat/completions", model);
}

// case: a local file path that contains a closed model's name among folders — a path, not a model segment
public static class CachePath
{
    public const string Path = "cache/answers/gpt-4o/2024-05-01.json";
}

// case: a CSV header mentioning models — prose-like data, not an API value
public static class CsvHeader
{
    public const string Header = "question,gpt-4o,claude-3-opus,llama3";
}
