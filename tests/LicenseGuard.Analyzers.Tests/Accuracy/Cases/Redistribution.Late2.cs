// category: redistribution
// Held-out shapes of model-weight redistribution seen in public .NET code: chunked downloads fed by async iterators, WebSocket
// and pipe plumbing, archives built in memory and returned from controllers, models exported into memory and pushed to blob
// storage, training loops that save a checkpoint and copy the best one out, params/out/ref/tuple plumbing, stream wrappers
// (BufferedStream, CryptoStream), composite and embedded file providers, options bound from configuration with defaults in code.
// Planted non-findings: hashing through the same plumbing, extracting an embedded model into the per-user folder, a 3D viewer's
// "models" folder of glTF meshes, an Ollama Modelfile that only names a GGUF path, and tokens streamed from a local model.
using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Transfer;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Corpus.Redistribution.Late2;

// case: a gRPC-style chunked download whose chunks come from an async iterator over models/{name}.gguf and are written one by one into Response.Body — the weights reach the response through IAsyncEnumerable chunks
public static class ModelChunkStreaming
{
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadChunksAsync(string path, int chunkSize, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var buffer = new byte[chunkSize];
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            yield return buffer.AsMemory(0, read);
        }
    }

    public static void MapModelChunkDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/models/{name}/content", async (string name, HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/octet-stream";
            await foreach (var chunk in ReadChunksAsync(Path.Join("models", name + ".gguf"), 1 << 20, ctx.RequestAborted))
            {
                await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted); // expect: LG2002
            }
        });
}

// case: a safetensors shard read in pooled buffers and sent frame by frame over a ClientWebSocket to an edge device — weights over a WebSocket
public sealed class EdgeShardPusher(ClientWebSocket socket)
{
    public async Task PushAsync(string runDirectory, CancellationToken ct)
    {
        string shard = Path.Join(runDirectory, "model-00001-of-00002.safetensors");
        await using var file = File.OpenRead(shard);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await file.ReadAsync(buffer.AsMemory(), ct)) > 0)
            {
                await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, file.Position == file.Length, ct); // expect: LG2002
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

// case: a controller building a ZipArchive in a MemoryStream with the project's detector.onnx and labels.txt, returned with File(ms.ToArray(), ...) — the ONNX entry and the zip response both carry weights, the labels entry does not
[ApiController]
[Route("api/exports")]
public sealed class ProjectModelExportController(IWebHostEnvironment env) : ControllerBase
{
    [HttpGet("{project}")]
    public IActionResult Export(string project)
    {
        string folder = Path.Join(env.ContentRootPath, "projects", project);
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(Path.Join(folder, "detector.onnx"), "model/detector.onnx"); // expect: LG2002
            zip.CreateEntryFromFile(Path.Join(folder, "labels.txt"), "model/labels.txt");
        }

        return File(ms.ToArray(), "application/zip", $"{project}-model.zip"); // expect: LG2002
    }
}

// case: an ML.NET-style model converted to ONNX into a MemoryStream and uploaded as tenants/{id}/churn.onnx with UploadBlobAsync(BinaryData) — the weights never touch disk, only the blob name says ONNX
public sealed class TrainedPipeline
{
    public byte[] Parameters { get; } = new byte[1024];
}

public sealed class PipelineOnnxConverter
{
    public void ConvertToOnnx(TrainedPipeline model, Stream destination) => destination.Write(model.Parameters);
}

public sealed class TenantModelPublisher(BlobContainerClient container, PipelineOnnxConverter converter)
{
    public async Task PublishAsync(Guid tenantId, TrainedPipeline model, CancellationToken ct)
    {
        using var ms = new MemoryStream();
        converter.ConvertToOnnx(model, ms);
        await container.UploadBlobAsync($"tenants/{tenantId}/churn.onnx", BinaryData.FromBytes(ms.ToArray()), ct); // expect: LG2002
    }
}

// case: a TorchSharp-style training loop saving epoch-NNN.pt under a constants class and copying the best one to the team NAS with Path.Join — the saved checkpoint copied out when the loss improves
public static class TrainingPaths
{
    public const string CheckpointDirectory = "runs/resnet50/checkpoints";
    public const string TeamShare = @"\\ml-nas\team\releases\resnet50";
}

public sealed class TorchLikeModule
{
    public void save(string path) => File.WriteAllBytes(path, new byte[16]);
}

public sealed class ResNetTrainer(TorchLikeModule model)
{
    private double bestLoss = double.MaxValue;

    public void OnEpochEnd(int epoch, double validationLoss)
    {
        string checkpoint = Path.Join(TrainingPaths.CheckpointDirectory, $"epoch-{epoch:D3}.pt");
        model.save(checkpoint);
        if (validationLoss < bestLoss)
        {
            bestLoss = validationLoss;
            File.Copy(checkpoint, Path.Join(TrainingPaths.TeamShare, "model_best.pt"), overwrite: true); // expect: LG2002
        }
    }
}

// case: a params string[] shipping helper called with two safetensors shards and a config.json for the release drive — the weights arrive through a params array
public static class ReleaseShipper
{
    public static void ShipTo(string destination, params string[] files)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in files)
        {
            File.Copy(file, Path.Join(destination, Path.GetFileName(file)), overwrite: true); // expect: LG2002
        }
    }

    public static void ShipQwen() => ShipTo(@"E:\release\qwen2.5-3b", "out/qwen2.5-3b/model-00001-of-00002.safetensors", "out/qwen2.5-3b/model-00002-of-00002.safetensors", "out/qwen2.5-3b/config.json");
}

// case: a switch statement in a Try method assigning a TFLite or ONNX path to an out parameter, the result copied into the mobile app bundle's assets — weights through an out parameter set in switch sections
public static class MobileBundleStager
{
    private static bool TryResolveModel(string platform, out string modelPath)
    {
        switch (platform)
        {
            case "android":
                modelPath = "artifacts/mobile/efficientdet_lite0_int8.tflite";
                return true;
            case "windows":
                modelPath = "artifacts/desktop/efficientdet_lite0.onnx";
                return true;
            default:
                modelPath = string.Empty;
                return false;
        }
    }

    public static void Stage(string platform, string bundleDirectory)
    {
        if (TryResolveModel(platform, out var modelPath))
        {
            File.Copy(modelPath, Path.Join(bundleDirectory, "assets", Path.GetFileName(modelPath)), overwrite: true); // expect: LG2002
        }
    }
}

// case: a (Source, Target) ValueTuple naming a GGUF and a customer delivery share, the weights encrypted through a CryptoStream over a BufferedStream over the target FileStream — encrypted weights are still shipped weights
public static class CustomerModelDelivery
{
    private const string ModelRoot = "/srv/models/llama-3.1-8b";

    private static (string Source, string Target) Resolve(string customer) =>
        (Path.Join(ModelRoot, "llama-3.1-8b-instruct.Q4_K_M.gguf"), Path.Join(@"\\files01\deliveries", customer, "model.gguf.enc"));

    public static async Task DeliverAsync(string customer, byte[] key, CancellationToken ct)
    {
        var (source, target) = Resolve(customer);
        using var aes = Aes.Create();
        aes.Key = key;
        await using var input = File.OpenRead(source);
        await using var output = new FileStream(target, FileMode.Create, FileAccess.Write);
        await output.WriteAsync(aes.IV, ct);
        await using var buffered = new BufferedStream(output, 1 << 20);
        await using var crypto = new CryptoStream(buffered, aes.CreateEncryptor(), CryptoStreamMode.Write);
        await input.CopyToAsync(crypto, ct); // expect: LG2002
    }
}

// case: a PipeReader created over an ONNX model's FileStream and copied into Response.BodyWriter — pipe-to-pipe copy of weights into the response
public static class EmbedderPipeEndpoints
{
    public static void MapEmbedderModel(this IEndpointRouteBuilder app) =>
        app.MapGet("/models/embedder", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/octet-stream";
            var reader = PipeReader.Create(File.OpenRead("models/bge-small-en-v1.5/model.onnx"));
            await reader.CopyToAsync(ctx.Response.BodyWriter, ctx.RequestAborted); // expect: LG2002
            await reader.CompleteAsync();
        });
}

// case: UseStaticFiles over a CompositeFileProvider of the web root and the content root's checkpoints folder, unknown file types served — the checkpoints folder hidden inside a composite provider
public static class CheckpointStaticFiles
{
    public static void UseCheckpointFiles(this IApplicationBuilder app, IWebHostEnvironment env)
    {
        var checkpoints = new PhysicalFileProvider(Path.Join(env.ContentRootPath, "checkpoints"));
        var provider = new CompositeFileProvider(env.WebRootFileProvider, checkpoints);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = provider, ServeUnknownFileTypes = true }); // expect: LG2002
    }
}

// case: an ONNX model embedded as a manifest resource, its name in a constants class, returned from a minimal API with Results.File over GetManifestResourceStream — an embedded weight file served
public static class EmbeddedModelNames
{
    public const string FaceDetector = "FaceKit.Models.Resources.FaceDetector.onnx";
}

public static class FaceKitModelEndpoints
{
    public static void MapFaceKitModel(this IEndpointRouteBuilder app) =>
        app.MapGet("/facekit/detector.onnx", () =>
        {
            var assembly = typeof(FaceKitModelEndpoints).Assembly;
            return Results.File(assembly.GetManifestResourceStream(EmbeddedModelNames.FaceDetector)!, "application/octet-stream", "detector.onnx"); // expect: LG2002
        });
}

// case: GGUF bytes posted to a remote Ollama host's api/blobs/sha256:… endpoint in an HttpRequestMessage initializer, the path a primary-constructor default — pushing weights to another machine's model store
public readonly record struct OllamaTarget(Uri Host, string ModelName);

public sealed class OllamaBlobImporter(HttpClient http, string ggufPath = "models/mistral-7b-instruct-v0.3.Q5_K_M.gguf")
{
    public async Task<string> PushBlobAsync(OllamaTarget target, CancellationToken ct)
    {
        byte[] bytes = await File.ReadAllBytesAsync(ggufPath, ct);
        string digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Host, $"api/blobs/{digest}")) { Content = new ByteArrayContent(bytes) }; // expect: LG2002
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return digest;
    }
}

// case: the lowest-loss .ckpt picked from an array through a ref local and copied by a local function that captures the export root — ref local and captured variable
public static class LoraCheckpointPicker
{
    public static void ExportBest(string exportRoot)
    {
        string[] candidates = { "runs/sd-lora/checkpoints/step-1000.ckpt", "runs/sd-lora/checkpoints/step-2000.ckpt", "runs/sd-lora/checkpoints/step-3000.ckpt" };
        double[] losses = { 0.41, 0.33, 0.36 };
        int bestIndex = Array.IndexOf(losses, losses.Min());
        ref string best = ref candidates[bestIndex];
        Ship(best);

        void Ship(string path) => File.Copy(path, Path.Join(exportRoot, Path.GetFileName(path)), overwrite: true); // expect: LG2002
    }
}

// case: a BackgroundService mirroring files to S3, the folder and the *.safetensors pattern defaults of an options class bound from configuration — options defaults in code name the weights
public sealed class ModelMirrorOptions
{
    public string SourceDirectory { get; set; } = "/data/finetunes/latest";

    public string Pattern { get; set; } = "*.safetensors";

    public string Bucket { get; set; } = "acme-model-mirror";
}

public static class ModelMirrorRegistration
{
    public static IServiceCollection AddModelMirror(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ModelMirror");
        services.Configure<ModelMirrorOptions>(o =>
        {
            o.SourceDirectory = section["SourceDirectory"] ?? o.SourceDirectory;
            o.Pattern = section["Pattern"] ?? o.Pattern;
            o.Bucket = section["Bucket"] ?? o.Bucket;
        });
        return services.AddHostedService<ModelMirrorService>();
    }
}

public sealed class ModelMirrorService(IOptions<ModelMirrorOptions> options, IAmazonS3 s3) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var transfer = new TransferUtility(s3);
        foreach (string file in Directory.EnumerateFiles(o.SourceDirectory, o.Pattern))
        {
            await transfer.UploadAsync(new TransferUtilityUploadRequest { FilePath = file, BucketName = o.Bucket, Key = Path.GetFileName(file) }, stoppingToken); // expect: LG2002
        }
    }
}

// case: a safetensors shard read through an async iterator of chunks, each chunk appended to an IncrementalHash to check a manifest hash — chunked reading for verification, not redistribution
public static class ShardChunkVerifier
{
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadShardChunksAsync(string path, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var file = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            yield return buffer.AsMemory(0, read);
        }
    }

    public static async Task<bool> VerifyAsync(string expectedHex, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in ReadShardChunksAsync("models/llama/model-00001-of-00004.safetensors", ct))
        {
            hash.AppendData(chunk.Span);
        }

        return string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), expectedHex, StringComparison.OrdinalIgnoreCase);
    }
}

// case: a GGUF copied into a CryptoStream whose inner stream is Stream.Null, to compute its SHA-256 — a CryptoStream used for hashing goes nowhere
public static class GgufFingerprint
{
    public static async Task<string> ComputeAsync(CancellationToken ct)
    {
        using var sha = SHA256.Create();
        await using (var input = File.OpenRead("models/phi-3-mini-4k-instruct-q4.gguf"))
        await using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
        {
            await input.CopyToAsync(hashing, ct);
        }

        return Convert.ToHexStringLower(sha.Hash!);
    }
}

// case: an embedded ONNX manifest resource extracted once into the per-user LocalApplicationData folder so ONNX Runtime can open it by path — seeding the user's own data folder
public static class EmbeddedModelExtractor
{
    private const string ResourceName = "Scanner.Models.ppt_corner_detector.onnx";

    public static async Task<string> EnsureExtractedAsync(CancellationToken ct)
    {
        string directory = Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Scanner", "models");
        Directory.CreateDirectory(directory);
        string target = Path.Join(directory, "ppt_corner_detector.onnx");
        if (File.Exists(target))
        {
            return target;
        }

        await using var resource = typeof(EmbeddedModelExtractor).Assembly.GetManifestResourceStream(ResourceName) ?? throw new FileNotFoundException(ResourceName);
        await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        await resource.CopyToAsync(file, ct);
        return target;
    }
}

// case: a 3D viewer serving wwwroot/models with content types added only for .glb and .gltf meshes — a "models" folder of glTF meshes is not model weights
public static class MeshViewerStaticFiles
{
    public static void UseMeshModels(this IApplicationBuilder app, IWebHostEnvironment env)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".glb"] = "model/gltf-binary";
        types.Mappings[".gltf"] = "model/gltf+json";
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Join(env.WebRootPath, "models")), RequestPath = "/models", ContentTypeProvider = types });
    }
}

// case: an Ollama api/create request to localhost whose JSON Modelfile only names the GGUF path (FROM /var/lib/models/….gguf) — the text of a path is sent, not the weights
public sealed class OllamaModelfileRegistration(HttpClient http)
{
    public async Task RegisterAsync(string name, CancellationToken ct)
    {
        string ggufPath = "/var/lib/models/llama-3.2-3b-instruct-q4_k_m.gguf";
        string body = JsonSerializer.Serialize(new { model = name, modelfile = $"FROM {ggufPath}\nPARAMETER temperature 0.2" });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("http://localhost:11434/api/create", content, ct);
        response.EnsureSuccessStatusCode();
    }
}

// case: tokens generated by a local GGUF model streamed as server-sent events with Response.WriteAsync from an async iterator — generated text, not the weights, goes to the client
public sealed class LocalGgufGenerator(string modelPath)
{
    public string ModelPath { get; } = modelPath;

    public async IAsyncEnumerable<string> GenerateAsync(string prompt, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (string word in prompt.Split(' '))
        {
            await Task.Delay(10, ct);
            yield return word + " ";
        }
    }
}

public static class CompletionStreamEndpoints
{
    public static void MapCompletionStream(this IEndpointRouteBuilder app)
    {
        var generator = new LocalGgufGenerator(Path.Join("models", "llama-3.2-1b-instruct.Q8_0.gguf"));
        app.MapPost("/v1/completions/stream", async (HttpContext ctx, string prompt) =>
        {
            ctx.Response.ContentType = "text/event-stream";
            await foreach (string token in generator.GenerateAsync(prompt, ctx.RequestAborted))
            {
                await ctx.Response.WriteAsync($"data: {token}\n\n", ctx.RequestAborted);
                await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            }
        });
    }
}
