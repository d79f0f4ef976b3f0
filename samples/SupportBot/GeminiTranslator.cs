using System.Net.Http.Json;

namespace SupportBot;

/// <summary>Translates replies by calling the Gemini REST API directly.</summary>
public static class GeminiTranslator
{
    private const string GeminiModel = "gemini-2.0-flash";

    public static async Task<string> TranslateAsync(HttpClient http, string text, string language)
    {
        var key = Environment.GetEnvironmentVariable("GEMINI_API_KEY");
        var url = $"https://generativelanguage.googleapis.com/v1beta/models/{GeminiModel}:generateContent?key={key}";
        var body = new { contents = new[] { new { parts = new[] { new { text = $"Translate to {language}: {text}" } } } } };
        using var response = await http.PostAsJsonAsync(url, body);
        return await response.Content.ReadAsStringAsync();
    }
}
