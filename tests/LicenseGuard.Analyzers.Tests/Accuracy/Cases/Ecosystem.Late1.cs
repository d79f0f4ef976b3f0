// category: endpoint
// Hosts of proprietary AI services in shapes outside the usual public API host: a vendor's models served through
// another cloud's regional host, data-residency and FIPS/government variants, Azure AI Foundry resource hosts, host-only
// format templates, and speech vendors called over raw HTTP or WebSockets; plus console, docs and cluster-local URLs
// that are not service endpoints.
// Written by a helper that saw only the categories of issue 22 (not the catalog or the analyzers) and run once on 24ebfa0:
// together with its sibling file, 6 of 14 findings and 1 false positive of 6 planted non-findings (LG2002 on a multipart
// field named "model"). Every case passes after the changes it led to (hosts by variant, new vendors, templates, u8).
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Threading.Tasks;

namespace Corpus.EcosystemLate1;

// case: Claude served through a regional Vertex AI host with a dated publisher model in the path — another cloud's host and the closed model
public static class ClaudeOnVertexRegional
{
    public static string Url(string project) =>
        $"https://us-east5-aiplatform.googleapis.com/v1/projects/{project}/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict"; // expect: LG1002 LG1003
}

// case: OpenAI's EU data-residency host kept in a constant and used as a base address — a regional variant of the API host
public static class OpenAiEuResidency
{
    private const string EuBase = "https://eu.api.openai.com/v1/"; // expect: LG1002

    public static HttpClient Create() => new HttpClient { BaseAddress = new Uri(EuBase) };
}

// case: Bedrock runtime through its FIPS endpoint, built from a region — a FIPS variant of the Bedrock host
public static class BedrockFips
{
    public static Uri Endpoint(string region) =>
        new Uri("https://bedrock-runtime-fips." + region + ".amazonaws.com/"); // expect: LG1002
}

// case: Azure OpenAI in Azure Government as a host-only format template — only a resource placeholder, sovereign-cloud suffix
public static class AzureGovOpenAi
{
    public static string BaseUrl(string resource) =>
        string.Format("https://{0}.openai.azure.us/", resource); // expect: LG1002
}

// case: an Azure AI Foundry (AI Services) resource host in a single-line interpolated raw string — the models inference route
public static class FoundryServicesHost
{
    public static Task<HttpResponseMessage> ChatAsync(HttpClient http, string resource, object body) =>
        http.PostAsJsonAsync($"""https://{resource}.services.ai.azure.com/models/chat/completions?api-version=2024-05-01-preview""", body); // expect: LG1002
}

// case: Deepgram streaming speech-to-text over a WebSocket with a closed model in the query — wss scheme, speech vendor, closed model
public static class DeepgramListen
{
    public static readonly Uri Listen = new Uri("wss://api.deepgram.com/v1/listen?model=nova-3&smart_format=true"); // expect: LG1002 LG1003
}

// case: ElevenLabs text-to-speech streaming URL interpolated with a voice id — a voice vendor's API host
public static class ElevenLabsStream
{
    public static async Task<byte[]> SpeakAsync(HttpClient http, string voiceId, string text)
    {
        var url = $"https://api.elevenlabs.io/v1/text-to-speech/{voiceId}/stream"; // expect: LG1002
        using var content = new StringContent("{\"text\":\"" + text + "\"}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(url, content);
        return await response.Content.ReadAsByteArrayAsync();
    }
}

// case: the vendor's console page for API keys in an error message — a console URL, not the API host
public static class MissingKeyMessage
{
    public static InvalidOperationException Error() =>
        new InvalidOperationException("Set OPENAI_API_KEY; create a key at https://platform.openai.com/settings/organization/api-keys");
}

// case: the speech vendor's documentation page on its marketing domain — docs, not api.elevenlabs.io
public static class ElevenLabsDocsLink
{
    public const string HelpUrl = "https://elevenlabs.io/docs/api-reference/text-to-speech/convert";
}

// case: a self-hosted embeddings server reached by its Kubernetes service name — cluster-local, not a proprietary service
public static class ClusterLocalEmbeddings
{
    public static Task<HttpResponseMessage> EmbedAsync(HttpClient http, string[] inputs) =>
        http.PostAsJsonAsync("http://tei-embeddings.ml.svc.cluster.local:8080/embed", new { inputs });
}
