// category: redistribution
// Held-out shapes written late, after real exporters, model mirrors and edge-deployment tools: the weight path travels through
// language features and plumbing the other files do not use (a Dictionary of cached model paths, a deconstructed tuple, switch
// expressions, Lazy<T>, records re-pointed with `with`, a base-class property, a default interface member, IOptionsMonitor, an
// environment variable, a Channel<T> fed by a FileSystemWatcher, a generic retry helper with a nested lambda, a static local
// function, the project's own extension method, string.Format, an HttpContent factory) and reaches sinks such as Directory.Move,
// staged blob blocks read with File.OpenHandle/RandomAccess and an scp child process. Copies into temp or the per-user data
// folder, pruning checkpoints, listing model sizes, copying a config and reading a safetensors header are not redistribution.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Transfer;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Corpus.Redistribution.Late;

// case: a sample exporter copying every entry of a Dictionary<string, string> of model paths into the exported project's Models folder through a private FileStream copy helper — dictionary values carry ONNX weights
public sealed class SampleProjectExporter
{
    private readonly Dictionary<string, string> modelFiles = new()
    {
        ["embeddings"] = Path.Combine("models", "all-MiniLM-L6-v2", "model.onnx"),
        ["detector"] = Path.Combine("models", "yolov8n", "yolov8n.onnx"),
    };

    public async Task ExportAsync(string outputPath, CancellationToken cancellationToken)
    {
        var modelDirectory = Directory.CreateDirectory(Path.Join(outputPath, "Models"));
        foreach (var (kind, path) in modelFiles)
        {
            await CopyFileAsync(path, Path.Join(modelDirectory.FullName, kind + Path.GetExtension(path)), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyFileAsync(string sourceFile, string destinationFile, CancellationToken cancellationToken)
    {
        using var sourceStream = new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, useAsync: true);
        using var destinationStream = new FileStream(destinationFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true);
        await sourceStream.CopyToAsync(destinationStream, 81920, cancellationToken).ConfigureAwait(false); // expect: LG2002
    }
}

// case: a finished run's checkpoints folder moved into the release root with Directory.Move, both paths from a deconstructed tuple — a weights folder moved out
public static class CheckpointRelease
{
    public static void Release(string runId, string releaseRoot)
    {
        var (from, to) = (Path.Combine("checkpoints", runId), Path.Combine(releaseRoot, runId));
        Directory.Move(from, to); // expect: LG2002
    }
}

// case: the quantisation picked with a switch expression and the GGUF copied onto a USB drive by a static local function — a switch arm names the weights
public static class UsbKit
{
    public static void Prepare(string quantisation, string usbRoot)
    {
        string weights = quantisation switch
        {
            "q4" => "models/mistral-7b-instruct-v0.2.Q4_K_M.gguf",
            "q8" => "models/mistral-7b-instruct-v0.2.Q8_0.gguf",
            _ => throw new ArgumentOutOfRangeException(nameof(quantisation)),
        };

        Stage(weights, Path.Combine(usbRoot, "llm"));

        static void Stage(string source, string targetDirectory)
        {
            Directory.CreateDirectory(targetDirectory);
            File.Copy(source, Path.Combine(targetDirectory, Path.GetFileName(source)), overwrite: true); // expect: LG2002
        }
    }
}

// case: a GGUF picked with a switch expression copied under an ASCII-only name into Path.GetTempPath() for a native loader that rejects Unicode paths — a copy into temp
public static class AsciiPathWorkaround
{
    public static string StageForNativeLoader(string size)
    {
        string weights = size switch
        {
            "small" => Path.Combine(AppContext.BaseDirectory, "モデル", "qwen2.5-0.5b-instruct-q4_k_m.gguf"),
            _ => Path.Combine(AppContext.BaseDirectory, "モデル", "qwen2.5-1.5b-instruct-q4_k_m.gguf"),
        };

        string staged = Path.Combine(Path.GetTempPath(), "llm_" + Guid.NewGuid().ToString("N") + ".gguf");
        File.Copy(weights, staged, overwrite: true);
        return staged;
    }
}

// case: a derived exporter copying the model.onnx path it inherits from an options-driven base-class property to a deployment folder — the path is built in the base class
public abstract class OnnxModelClientBase(IOptions<OnnxModelClientOptions> options)
{
    protected string ExtractedModelPath => Path.Combine(options.Value.ExtractedPath, "model.onnx");
}

public sealed class OnnxModelClientOptions
{
    public string ExtractedPath { get; set; } = "";
}

public sealed class OnnxModelExporter(IOptions<OnnxModelClientOptions> options) : OnnxModelClientBase(options)
{
    public void ExportTo(string deploymentFolder) => File.Copy(ExtractedModelPath, Path.Combine(deploymentFolder, "model.onnx"), overwrite: true); // expect: LG2002
}

// case: a checkpoint path supplied by a default interface member, streamed into a file on the team share — the interface's default names a .ckpt
public interface ICheckpointSource
{
    string CheckpointPath => "checkpoints/sd-v1-5-finetune-epoch-40.ckpt";
}

public sealed class NightlyCheckpoint : ICheckpointSource
{
}

public static class CheckpointShare
{
    public static async Task PublishAsync(ICheckpointSource source, string shareRoot)
    {
        await using var input = File.OpenRead(source.CheckpointPath);
        await using var output = File.Create(Path.Combine(shareRoot, "nightly.ckpt"));
        await input.CopyToAsync(output); // expect: LG2002
    }
}

// case: a Lazy<string> ONNX path uploaded to S3 by path inside an async lambda handed to a generic retry helper — the sink sits in a nested lambda
public sealed class ModelMirror(IAmazonS3 s3)
{
    private static readonly Lazy<string> Weights = new(() => Path.Combine(AppContext.BaseDirectory, "models", "whisper-small.en", "encoder_model.onnx"));

    public Task MirrorAsync(CancellationToken cancellationToken) =>
        RetryAsync(async attempt =>
        {
            using var transfer = new TransferUtility(s3);
            await transfer.UploadAsync(Weights.Value, "model-mirror", "whisper-small.en/encoder_model.onnx", cancellationToken); // expect: LG2002
            return attempt;
        });

    private static async Task<T> RetryAsync<T>(Func<int, Task<T>> operation, int attempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(attempt);
            }
            catch (AmazonS3Exception) when (attempt < attempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}

// case: a bundled ONNX model copied on first run from the install folder into a Lazy<string> per-user folder under LocalApplicationData — seeding the per-user data folder
public static class FirstRunModelSeeder
{
    private static readonly Lazy<string> DataFolder = new(() =>
    {
        string folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "FaceTracker", "models");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static string EnsureModel()
    {
        string bundled = Path.Combine(AppContext.BaseDirectory, "Plugins", "dnn_model_2_0_lite_op11.onnx");
        string persistent = Path.Combine(DataFolder.Value, "dnn_model_2_0_lite_op11.onnx");
        if (!File.Exists(persistent))
        {
            File.Copy(bundled, persistent);
        }

        return persistent;
    }
}

// case: models listed in IOptionsMonitor<LLamaHostOptions>.CurrentValue, those whose ModelPath ends in .gguf copied into the release bundle — options read through a monitor and filtered by extension
public sealed class LLamaHostOptions
{
    public List<LLamaModelEntry> Models { get; set; } = new();
}

public sealed class LLamaModelEntry
{
    public string Name { get; set; } = "";
    public string ModelPath { get; set; } = "";
    public int GpuLayerCount { get; set; }
}

public sealed class ReleaseBundler(IOptionsMonitor<LLamaHostOptions> monitor)
{
    public void Bundle(string bundleDirectory)
    {
        foreach (var entry in monitor.CurrentValue.Models.Where(m => m.ModelPath.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)))
        {
            File.Copy(entry.ModelPath, Path.Combine(bundleDirectory, "models", Path.GetFileName(entry.ModelPath)), overwrite: true); // expect: LG2002
        }
    }
}

// case: the GGUF path read from the GGUF_PATH environment variable with a literal fallback, uploaded by path to a blob container — environment configuration
public static class EnvironmentUpload
{
    public static async Task UploadAsync(BlobContainerClient container)
    {
        string path = Environment.GetEnvironmentVariable("GGUF_PATH") ?? "models/tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf";
        await container.GetBlobClient(Path.GetFileName(path)).UploadAsync(path, overwrite: true); // expect: LG2002
    }
}

// case: a FileSystemWatcher filtered on *.safetensors feeding a Channel<string>, a background consumer uploading each new checkpoint to blob storage — the path arrives through a channel
public sealed class CheckpointMirror : IDisposable
{
    private readonly Channel<string> pending = Channel.CreateUnbounded<string>();
    private readonly FileSystemWatcher watcher;

    public CheckpointMirror(string outputDirectory)
    {
        watcher = new FileSystemWatcher(outputDirectory, "*.safetensors") { EnableRaisingEvents = true };
        watcher.Created += (_, e) => pending.Writer.TryWrite(e.FullPath);
    }

    public async Task RunAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        await foreach (string checkpoint in pending.Reader.ReadAllAsync(cancellationToken))
        {
            await container.GetBlobClient(Path.GetFileName(checkpoint)).UploadAsync(checkpoint, overwrite: true, cancellationToken); // expect: LG2002
        }
    }

    public void Dispose() => watcher.Dispose();
}

// case: a FileSystemWatcher on *.ckpt feeding a Channel<string>, the consumer deleting all but the newest five checkpoints — pruning is not redistribution
public sealed class CheckpointPruner : IDisposable
{
    private readonly Channel<string> created = Channel.CreateBounded<string>(16);
    private readonly FileSystemWatcher watcher;
    private readonly string directory;

    public CheckpointPruner(string checkpointDirectory)
    {
        directory = checkpointDirectory;
        watcher = new FileSystemWatcher(checkpointDirectory, "*.ckpt") { EnableRaisingEvents = true };
        watcher.Created += (_, e) => created.Writer.TryWrite(e.FullPath);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (string _ in created.Reader.ReadAllAsync(cancellationToken))
        {
            foreach (var stale in new DirectoryInfo(directory).GetFiles("*.ckpt").OrderByDescending(f => f.LastWriteTimeUtc).Skip(5))
            {
                stale.Delete();
            }
        }
    }

    public void Dispose() => watcher.Dispose();
}

// case: a GGUF read in 64 MiB chunks with File.OpenHandle and RandomAccess.ReadAsync, each chunk staged with BlockBlobClient.StageBlockAsync and the block list committed — a block-by-block blob upload
public static class ChunkedGgufUpload
{
    public static async Task UploadAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        const string weights = "models/llama-3.2-3b-instruct-q5_k_m.gguf";
        BlockBlobClient blob = container.GetBlockBlobClient(Path.GetFileName(weights));
        using var handle = File.OpenHandle(weights, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        long length = RandomAccess.GetLength(handle);
        var buffer = new byte[64 * 1024 * 1024];
        var blockIds = new List<string>();
        for (long offset = 0; offset < length; offset += buffer.Length)
        {
            int read = await RandomAccess.ReadAsync(handle, buffer, offset, cancellationToken);
            string blockId = Convert.ToBase64String(BitConverter.GetBytes(offset));
            await blob.StageBlockAsync(blockId, new MemoryStream(buffer, 0, read), new BlockBlobStageBlockOptions(), cancellationToken); // expect: LG2002
            blockIds.Add(blockId);
        }

        await blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions(), cancellationToken);
    }
}

// case: the JSON header of a safetensors shard read with File.OpenHandle and RandomAccess.Read to list tensor names — reading the weights' metadata
public static class SafetensorsHeader
{
    public static IReadOnlyList<string> TensorNames(string path = "models/model-00001-of-00004.safetensors")
    {
        using var handle = File.OpenHandle(path);
        Span<byte> lengthBytes = stackalloc byte[8];
        RandomAccess.Read(handle, lengthBytes, 0);
        long headerLength = BitConverter.ToInt64(lengthBytes);
        var header = new byte[headerLength];
        RandomAccess.Read(handle, header, 8);
        using var json = JsonDocument.Parse(header);
        return json.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "__metadata__").ToList();
    }
}

// case: a weights folder pushed to an edge box by starting scp as a child process — the copy is done by another program
public static class EdgeDeploy
{
    private const string WeightsFolder = "weights/yolov8s-seg";

    public static void Push(string host)
    {
        using var scp = Process.Start("scp", $"-r {WeightsFolder} deploy@{host}:/opt/vision/models/"); // miss: LG2002 — weights sent by starting an external copy tool (scp) with a command line: Process.Start arguments are not parsed as paths
        scp?.WaitForExit();
    }
}

// case: a publish-job record made from a template with a `with` expression that sets the safetensors source, then copied to the file server — the weight path enters through `with`
public sealed record PublishJob(string Source, string Destination, bool Overwrite = true);

public static class PublishJobs
{
    private static readonly PublishJob Template = new("", @"\\fileserver\models\releases");

    public static void Run()
    {
        var job = Template with { Source = "models/flux1-schnell/flux1-schnell.safetensors" };
        File.Copy(job.Source, Path.Combine(job.Destination, Path.GetFileName(job.Source)), job.Overwrite); // expect: LG2002
    }
}

// case: a publish-job template naming the ONNX weights re-pointed with `with` at genai_config.json before the copy — only the config is copied
public sealed record ConfigPublishJob(string Source, string Destination);

public static class ConfigPublish
{
    private static readonly ConfigPublishJob Template = new("models/phi-3-mini-4k-instruct-onnx/model.onnx", "release/config");

    public static void Run()
    {
        var job = Template with { Source = "models/phi-3-mini-4k-instruct-onnx/genai_config.json" };
        File.Copy(job.Source, Path.Combine(job.Destination, "genai_config.json"), overwrite: true);
    }
}

// case: the project's own ZipArchive.CreateEntry(name, byte[]) extension writing TFLite bytes into the entry stream — the write sits in the extension, the weights at its call
public static class ZipArchiveExtensions
{
    public static ZipArchiveEntry CreateEntry(this ZipArchive archive, string fileName, byte[] data)
    {
        var entry = archive.CreateEntry(fileName, CompressionLevel.Fastest);
        using (var stream = entry.Open())
        {
            stream.Write(data, 0, data.Length); // expect: LG2002
        }

        return entry;
    }
}

public static class MobileBundle
{
    public static void Build(string bundlePath)
    {
        using var archive = ZipFile.Open(bundlePath, ZipArchiveMode.Create);
        archive.CreateEntry("assets/pose_landmark_full.tflite", File.ReadAllBytes("models/pose_landmark_full.tflite"));
    }
}

// case: a whisper.cpp ggml-*.bin path built with string.Format, PUT with HttpClient through StreamContent made by a factory method — the content is created away from the call
public sealed class WhisperModelPublisher(HttpClient http)
{
    public async Task PublishAsync(string modelsDirectory, string size)
    {
        string path = string.Format("{0}/ggml-{1}.bin", modelsDirectory, size);
        using var content = CreateContent(path);
        using var response = await http.PutAsync($"https://artifacts.example.com/whisper/ggml-{size}.bin", content);
        response.EnsureSuccessStatusCode();
    }

    private static HttpContent CreateContent(string file)
    {
        var content = new StreamContent(File.OpenRead(file), 1024 * 1024); // expect: LG2002
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}

// case: a minimal API listing the GGUF files of the models folder with their names, sizes and dates as JSON — metadata about the weights, not the weights
public static class ModelCatalogEndpoint
{
    public static IEndpointRouteBuilder MapModelCatalog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/models", () =>
            Results.Ok(new DirectoryInfo("models").EnumerateFiles("*.gguf")
                .Select(f => new { f.Name, SizeBytes = f.Length, Modified = f.LastWriteTimeUtc })
                .ToList()));
        return endpoints;
    }
}
