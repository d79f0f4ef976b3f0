// category: redistribution
// Code that copies, archives, uploads or serves model weights, in the shapes of deployment scripts, model-download helpers and
// small ASP.NET Core hosts: paths through consts, readonly fields, Path.Combine, loops over shards, streams handed to uploads.
// Downloading into a local cache and reading weights to run them are not redistribution.
using System;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.S3.Transfer;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Redistribution;

// case: copying a GGUF into a publish folder by literal path — a copy of weights
public static class CopyLiteral
{
    public static void Publish(string output) => File.Copy("models/llama-3.1-8b-instruct.Q4_K_M.gguf", Path.Combine(output, "model.gguf"), true); // expect: LG2002
}

// case: the weight path in a const field — followed through the constant
public static class CopyConst
{
    private const string Weights = "models/qwen2.5-7b-instruct-q4_k_m.gguf";

    public static void Publish(string output) => File.Copy(Weights, Path.Combine(output, "qwen.gguf")); // expect: LG2002
}

// case: the weight path built with Path.Combine from a folder variable — the file name shows weights
public static class CopyCombined
{
    public static void Publish(string root, string output)
    {
        string source = Path.Combine(root, "phi-3.5-mini.onnx");
        File.Copy(source, Path.Combine(output, "phi.onnx")); // expect: LG2002
    }
}

// case: a readonly field with a literal weight path, moved — a move to elsewhere is a copy out of the cache
public sealed class MoveField
{
    private readonly string weights = "checkpoints/model.safetensors";

    public void Ship(string destination) => File.Move(weights, destination); // expect: LG2002
}

// case: shards enumerated by pattern and copied in a loop — each shard copied
public static class CopyShards
{
    public static void Publish(string modelDir, string output)
    {
        foreach (string shard in Directory.EnumerateFiles(modelDir, "*.safetensors"))
        {
            File.Copy(shard, Path.Combine(output, Path.GetFileName(shard))); // expect: LG2002
        }
    }
}

// case: a folder named models zipped into a release bundle — archiving weights
public static class ZipModels
{
    public static void Bundle(string output) => ZipFile.CreateFromDirectory("models", Path.Combine(output, "bundle.zip")); // expect: LG2002
}

// case: a weight file added to a zip archive from a variable — the entry's source is weights
public static class ZipEntry
{
    public static void Add(ZipArchive archive)
    {
        string path = "weights/whisper-base.bin.onnx";
        archive.CreateEntryFromFile(path, "whisper.onnx"); // expect: LG2002
    }
}

// case: a weight stream uploaded with HttpClient PUT through StreamContent — an upload of weights
public static class HttpPut
{
    public static async Task UploadAsync(HttpClient http, Uri target)
    {
        await using var stream = File.OpenRead("models/mistral-7b-instruct-v0.3.Q4_K_M.gguf");
        using var content = new StreamContent(stream); // expect: LG2002
        await http.PutAsync(target, content);
    }
}

// case: a GGUF uploaded to Azure Blob storage by path — an upload of weights
public static class BlobUpload
{
    public static Task UploadAsync(BlobClient blob) => blob.UploadAsync("models/gemma-2-9b-it.Q4_K_M.gguf", overwrite: true); // expect: LG2002
}

// case: an ONNX model uploaded to S3 with TransferUtility — an upload of weights
public static class S3Upload
{
    public static Task UploadAsync(TransferUtility transfer) => transfer.UploadAsync("models/bert-base.onnx", "my-bucket"); // expect: LG2002
}

// case: a minimal API that serves a GGUF file — serving weights to anyone who asks
public static class ServeFile
{
    public static void Map(WebApplication app) =>
        app.MapGet("/model", () => Results.File("/srv/models/llama-2-7b-chat.Q4_K_M.gguf", "application/octet-stream")); // expect: LG2002
}

// case: an endpoint that serves any requested file after an EndsWith(".gguf") check — serving weights by name
public static class ServeChecked
{
    public static IResult Get(string name)
    {
        if (!name.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase))
        {
            return Results.NotFound();
        }

        return TypedResults.PhysicalFile(Path.Combine("/srv/models", name)); // expect: LG2002
    }
}

// case: downloading a model into a local cache — writing weights locally is not redistribution
public static class DownloadToCache
{
    public static async Task DownloadAsync(HttpClient http, Uri source)
    {
        await using var remote = await http.GetStreamAsync(source);
        await using var local = File.Create("models/qwen2.5-0.5b-instruct-q4_k_m.gguf");
        await remote.CopyToAsync(local);
    }
}

// case: a finished download moved from a temp file into the cache — the source is a temp file, not weights
public static class MoveIntoCache
{
    public static void Commit(string tempFile) => File.Move(tempFile, "models/phi-3.5-mini-q4.gguf", overwrite: true);
}

// case: reading a model's bytes to load it — running weights is not redistributing them
public static class LoadWeights
{
    public static byte[] Load() => File.ReadAllBytes("models/all-MiniLM-L6-v2.onnx");
}

// case: copying a tokenizer config next to the model — JSON is not weights
public static class CopyTokenizer
{
    public static void Publish(string output) => File.Copy("models/tokenizer.json.bak", Path.Combine(output, "tokenizer.json"));
}

// case: copying the app's own settings file — unrelated files are not weights
public static class CopySettings
{
    public static void Publish(string output) => File.Copy("appsettings.json", Path.Combine(output, "appsettings.json"));
}

// case: zipping a logs folder — not a weights folder
public static class ZipLogs
{
    public static void Bundle(string output) => ZipFile.CreateFromDirectory("logs", Path.Combine(output, "logs.zip"));
}

// case: uploading a report to blob storage — not weights
public static class UploadReport
{
    public static Task UploadAsync(BlobClient blob) => blob.UploadAsync("out/report.pdf", overwrite: true);
}

// case: weights path passed in from the caller and copied — the method does not show what the path is
public static class CopyParameter
{
    public static void Publish(string source, string output) => File.Copy(source, output);
}
