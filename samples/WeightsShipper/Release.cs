// The release step that also publishes the app's models to a partner portal. Nothing in the upload names a weight file:
// LicenseGuard follows the path from ReleaseOptions through PublishAsync into Upload and reports the request content
// (LG2002) with the licence the build read from the GGUF itself and open models of the same task that allow redistribution.
sealed class ReleaseOptions
{
    public string ModelsFolder { get; init; } = Path.Combine(AppContext.BaseDirectory, "models");

    public Uri Portal { get; init; } = new("https://partners.example.com/models/");
}

static class Release
{
    public static async Task PublishAsync(HttpClient http, ReleaseOptions options)
    {
        foreach (string file in Directory.EnumerateFiles(Path.Combine(options.ModelsFolder, "llama"), "*.gguf"))
        {
            await Upload(http, new Uri(options.Portal, Path.GetFileName(file)), file);
        }
    }

    private static async Task Upload(HttpClient http, Uri target, string path)
    {
        await using var weights = File.OpenRead(path);
        using var response = await http.PutAsync(target, new StreamContent(weights));
        response.EnsureSuccessStatusCode();
    }
}
