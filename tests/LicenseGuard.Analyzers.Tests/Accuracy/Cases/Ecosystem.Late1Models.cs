// category: model
// Closed model ids in newer families (reasoning, speech, realtime, video) and from vendors called over raw HTTP
// (embeddings, voice), in UTF-8 literals, raw and interpolated raw strings, JSON nodes, anonymous objects and
// dictionaries; plus open-weight ids with look-alike names and short ids that are not in a model position.
// Written by a helper that saw only the categories of issue 22 (not the catalog or the analyzers) and run once on 24ebfa0:
// together with its sibling file, 6 of 14 findings and 1 false positive of 6 planted non-findings (LG2002 on a multipart
// field named "model"). Every case passes after the changes it led to (hosts by variant, new vendors, templates, u8).
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Corpus.EcosystemLate1Models;

// case: a reasoning model id inside a UTF-8 string literal JSON body — "..."u8 bytes sent as the request
public static class ReasoningUtf8Body
{
    public static ReadOnlySpan<byte> Body => "{\"model\":\"o4-mini\",\"reasoning\":{\"effort\":\"high\"},\"input\":\"Summarize\"}"u8; // expect: LG1003

    public static HttpContent Content() => new ByteArrayContent(Body.ToArray());
}

// case: a text-to-speech model in a single-line raw string literal JSON body — the speech family's closed id
public static class TtsRawBody
{
    public static StringContent Content() =>
        new StringContent("""{"model":"gpt-4o-mini-tts","voice":"coral","input":"Your order has shipped."}""", Encoding.UTF8, "application/json"); // expect: LG1003
}

// case: a realtime session.update event in an interpolated raw string with a hole for instructions — the realtime family
public static class RealtimeSessionUpdate
{
    public static string Event(string instructions) =>
        $$$"""{"type":"session.update","session":{"type":"realtime","model":"gpt-realtime","instructions":"{{{instructions}}}"}}"""; // expect: LG1003
}

// case: a Google video generation model in a constant — the closed video family
public static class VideoModelConstant
{
    public const string VideoModel = "veo-3.0-generate-001"; // expect: LG1003
}

// case: Voyage AI embeddings posted as an anonymous object — a hosted embedding vendor's closed id
public static class VoyageEmbeddings
{
    public static Task<HttpResponseMessage> EmbedAsync(HttpClient http, string[] texts) =>
        http.PostAsJsonAsync("v1/embeddings", new { input = texts, model = "voyage-3.5", input_type = "document" }); // expect: LG1003
}

// case: an ElevenLabs model under the vendor's model_id key in a dictionary body — a voice vendor's closed id
public static class ElevenLabsModelId
{
    public static Dictionary<string, object> Body(string text) => new()
    {
        ["text"] = text,
        ["model_id"] = "eleven_flash_v2_5", // expect: LG1003
    };
}

// case: a bare short reasoning id under a "model" key of a JsonObject — a short id in a model position
public static class ShortIdInJsonNode
{
    public static JsonObject Request(string prompt) => new()
    {
        ["model"] = "o3", // expect: LG1003
        ["input"] = prompt,
    };
}

// case: Whisper large-v3 turbo by its Hugging Face id for a local transcription server — open weights (MIT), vendor prefix notwithstanding
public static class LocalWhisperTurbo
{
    public static Task<HttpResponseMessage> TranscribeAsync(HttpClient http, byte[] audio)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(audio), "file", "audio.wav" },
            { new StringContent("openai/whisper-large-v3-turbo"), "model" },
        };
        return http.PostAsync("http://127.0.0.1:8000/v1/audio/transcriptions", form);
    }
}

// case: Gemma, Google's open-weight family, as the model for a local vLLM server — open weights with a Gemini-like vendor
public static class LocalGemma
{
    public static Task<HttpResponseMessage> ChatAsync(HttpClient http, string prompt) =>
        http.PostAsJsonAsync("http://localhost:8000/v1/chat/completions",
            new { model = "google/gemma-3-27b-it", messages = new[] { new { role = "user", content = prompt } } });
}

// case: seat codes in a cinema hall that spell short reasoning ids — short ids outside a model position
public static class CinemaHall
{
    public static readonly string[] AccessibleSeats = { "o1", "o3", "o4" };
}
