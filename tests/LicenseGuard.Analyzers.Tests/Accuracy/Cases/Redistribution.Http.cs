// category: redistribution
// Weights served over HTTP by ASP.NET Core: minimal-API results (Results.File/Stream/Bytes, TypedResults.File), MVC result
// objects created directly or with the controller helpers, HttpResponse.SendFileAsync with a path or an IFileInfo, writes to
// Response.Body and Response.BodyWriter, static files, file servers and directory browsing over a models folder, and
// content-type mappings that make weight extensions downloadable. The look-alikes serve configs, tokenizers, hashes, logs,
// user uploads, and static files over a wwwroot that holds only css and js.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Corpus.Redistribution.Http;

// case: Results.File with a weight path from bound options — a minimal API serving weights
public sealed class ModelHostOptions
{
    public string ModelPath { get; set; } = "/srv/models/llama-3.2-3b-instruct.Q4_K_M.gguf";
}

public static class OptionsFileEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/v1/model/download", (IOptions<ModelHostOptions> options) =>
            Results.File(options.Value.ModelPath, "application/octet-stream", "model.gguf", enableRangeProcessing: true)); // expect: LG2002
}

// case: TypedResults.File over a stream opened on an ONNX model — a typed result carrying a weight stream
public static class TypedStreamEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/models/detector", () =>
        {
            var stream = File.OpenRead(Path.Combine(app.Environment.ContentRootPath, "models", "yolov8n.onnx"));
            return TypedResults.File(stream, "application/octet-stream", "yolov8n.onnx"); // expect: LG2002
        });
}

// case: Results.Stream of a FileStream on a safetensors file in an expression-bodied handler — a streamed weight response
public static class StreamEndpoint
{
    private const string Weights = "weights/whisper-small/model.safetensors";

    public static IResult Handle() => Results.Stream(new FileStream(Weights, FileMode.Open, FileAccess.Read, FileShare.Read), "application/octet-stream"); // expect: LG2002
}

// case: Results.Bytes of bytes read from a tflite model — a byte response of weights
public static class BytesEndpoint
{
    public static async Task<IResult> HandleAsync(CancellationToken ct)
    {
        byte[] model = await File.ReadAllBytesAsync("models/pose_landmark_full.tflite", ct);
        return Results.Bytes(model, "application/octet-stream", "pose_landmark_full.tflite"); // expect: LG2002
    }
}

// case: an MVC action returning new PhysicalFileResult for a GGUF — a result object created directly
[ApiController]
[Route("api/models")]
public sealed class PhysicalResultController : ControllerBase
{
    [HttpGet("gguf")]
    public IActionResult Get() => new PhysicalFileResult("/srv/models/mistral-7b-instruct-v0.3.Q4_K_M.gguf", "application/octet-stream") { FileDownloadName = "mistral.gguf" }; // expect: LG2002
}

// case: new FileStreamResult over a FileInfo's read stream for a checkpoint — a stream result object
public sealed class StreamResultController : ControllerBase
{
    [HttpGet("/checkpoints/latest")]
    public IActionResult Latest()
    {
        var latest = new DirectoryInfo("checkpoints").GetFiles("*.ckpt").OrderByDescending(f => f.LastWriteTimeUtc).First();
        return new FileStreamResult(latest.OpenRead(), "application/octet-stream") { FileDownloadName = latest.Name }; // expect: LG2002
    }
}

// case: new FileContentResult over bytes of a pytorch .pt file — a content result object
public sealed class ContentResultController : ControllerBase
{
    [HttpGet("/weights/yolo")]
    public async Task<IActionResult> Yolo() => new FileContentResult(await System.IO.File.ReadAllBytesAsync("weights/yolov8n.pt"), "application/octet-stream"); // expect: LG2002
}

// case: the controller's File(byte[], ...) helper with bytes of a pytorch_model.bin — MVC File helper
public sealed class FileHelperController : ControllerBase
{
    [HttpGet("/download/bert")]
    public IActionResult Bert()
    {
        byte[] bytes = System.IO.File.ReadAllBytes("checkpoints/bert-base-uncased/pytorch_model.bin");
        return File(bytes, "application/octet-stream", "pytorch_model.bin"); // expect: LG2002
    }
}

// case: the controller's PhysicalFile helper under an injected environment's models folder — MVC PhysicalFile helper
public sealed class PhysicalHelperController(IWebHostEnvironment env) : ControllerBase
{
    [HttpGet("/download/embeddings")]
    public IActionResult Embeddings() => PhysicalFile(Path.Combine(env.ContentRootPath, "models", "nomic-embed-text-v1.5.Q8_0.gguf"), "application/octet-stream"); // expect: LG2002
}

// case: HttpResponse.SendFileAsync with a GGUF path in a terminal middleware — SendFileAsync by path
public static class SendFileMiddleware
{
    public static void Use(WebApplication app) =>
        app.Map("/model.gguf", branch => branch.Run(async context =>
        {
            context.Response.ContentType = "application/octet-stream";
            await context.Response.SendFileAsync("/srv/models/qwen2.5-7b-instruct-q4_k_m.gguf"); // expect: LG2002
        }));
}

// case: SendFileAsync with an IFileInfo from a PhysicalFileProvider over the weights folder — SendFileAsync with IFileInfo
public sealed class WeightsFileEndpoint(IWebHostEnvironment env)
{
    public async Task InvokeAsync(HttpContext context, string shard)
    {
        var provider = new PhysicalFileProvider(Path.Combine(env.ContentRootPath, "weights"));
        IFileInfo file = provider.GetFileInfo(shard);
        if (!file.Exists || !shard.EndsWith(".safetensors", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted); // expect: LG2002
    }
}

// case: a GGUF stream copied into Response.Body — weights written to the response body
public static class BodyCopyEndpoint
{
    public static async Task WriteAsync(HttpContext context)
    {
        await using var weights = File.OpenRead("models/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf");
        context.Response.ContentLength = weights.Length;
        await weights.CopyToAsync(context.Response.Body); // expect: LG2002
    }
}

// case: bytes of an ONNX model written with Response.BodyWriter.WriteAsync — weights written through the pipe writer
public static class BodyWriterEndpoint
{
    public static async Task WriteAsync(HttpResponse response, string modelFile = "models/silero_vad.onnx")
    {
        ReadOnlyMemory<byte> bytes = await File.ReadAllBytesAsync(modelFile);
        await response.BodyWriter.WriteAsync(bytes); // expect: LG2002
    }
}

// case: UseStaticFiles with a PhysicalFileProvider over the models folder — static files serving weights
public static class StaticModels
{
    public static void Configure(WebApplication app)
    {
        var options = new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "models")),
            RequestPath = "/models",
        };
        app.UseStaticFiles(options); // expect: LG2002
    }
}

// case: UseFileServer with directory browsing over a weights folder — a file server over weights
public static class WeightsFileServer
{
    public static void Configure(IApplicationBuilder app) =>
        app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider("/data/weights"), RequestPath = "/weights", EnableDirectoryBrowsing = true }); // expect: LG2002
}

// case: UseDirectoryBrowser over the checkpoints folder — listing checkpoints for download
public static class CheckpointBrowser
{
    public static void Configure(IApplicationBuilder app, string root) =>
        app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider(Path.Combine(root, "checkpoints")), RequestPath = "/checkpoints" }); // expect: LG2002
}

// case: a FileExtensionContentTypeProvider mapping .gguf to application/octet-stream for wwwroot/models — making weights downloadable
public static class GgufMapping
{
    public static void Configure(WebApplication app)
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".gguf"] = "application/octet-stream"; // expect: LG2002
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = provider });
    }
}

// case: ServeUnknownFileTypes = true over wwwroot/models — every weight file becomes downloadable
public static class UnknownTypesOverModels
{
    public static void Configure(WebApplication app, IWebHostEnvironment env) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(env.WebRootPath, "models")), RequestPath = "/models", ServeUnknownFileTypes = true }); // expect: LG2002
}

// case: config.json served from the models folder — a config next to the weights
public static class ConfigEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapGet("/models/config", () => Results.File(Path.Combine(app.Environment.ContentRootPath, "models", "config.json"), "application/json"));
}

// case: only tokenizer.json or generation_config.json served by name after an allow-list check — the allowed names are not weights
public static class AllowListedEndpoint
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "tokenizer.json", "generation_config.json" };

    public static IResult Get(string name) =>
        Allowed.Contains(name) ? Results.File(Path.Combine("/srv/models/qwen2.5-7b", name), "application/json") : Results.NotFound();
}

// case: the default UseStaticFiles over a wwwroot of css and js — no weights in the web root
public static class DefaultStaticFiles
{
    public static void Configure(WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
    }
}

// case: static files from wwwroot/css through a PhysicalFileProvider — a stylesheet folder
public static class CssStaticFiles
{
    public static void Configure(WebApplication app, IWebHostEnvironment env) =>
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(env.WebRootPath, "css")), RequestPath = "/css" });
}

// case: the SHA-256 of the weights returned as text — a hash computed from the weights, not the weights
public static class HashEndpoint
{
    public static async Task<IResult> HandleAsync()
    {
        await using var weights = File.OpenRead("models/llama-3.2-3b-instruct.Q4_K_M.gguf");
        byte[] hash = await SHA256.HashDataAsync(weights);
        return Results.Text(Convert.ToHexString(hash).ToLowerInvariant());
    }
}

// case: the inference server's log file served to admins — a log, not weights
public sealed class LogsController : ControllerBase
{
    [HttpGet("/admin/logs")]
    public IActionResult Logs() => PhysicalFile("/var/log/llama-server/server.log", "text/plain");
}

// case: a .webmanifest content-type mapping for the PWA — a mapping for a non-weight extension
public static class ManifestMapping
{
    public static void Configure(WebApplication app)
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = provider });
    }
}

// case: a user's uploaded image served back from the uploads folder — user data, not weights
public sealed class UploadsController : ControllerBase
{
    [HttpGet("/uploads/{id}")]
    public IActionResult Get(Guid id) => PhysicalFile(Path.Combine("/srv/uploads", id.ToString("N") + ".png"), "image/png");
}
