// category: redistribution
// Held-out shapes, fourth set: weights handed to another local process over a named pipe, multicast over UDP, embedded
// in JSON bodies, resumable ranged upload sessions, S3 multipart parts, server-side WebSockets, Razor Pages
// handlers, frozen static catalogues, static abstract interface members, keyed DI services, events, regex filters,
// memory-mapped views and OCI image layers. Look-alikes that only send a path or an announcement, migrate the per-user
// cache, copy a shard index or a licence file, or serve a device firmware .bin are not redistribution.
using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.IO.MemoryMappedFiles;
using System.IO.Pipes;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Redistribution.Late4;

// case: a GGUF streamed into a NamedPipeServerStream for a sandboxed worker process that connects to the pipe — weights handed to another process
public sealed class SandboxModelFeeder
{
    private readonly string _modelDirectory;

    public SandboxModelFeeder(string modelDirectory) => _modelDirectory = modelDirectory;

    public async Task FeedAsync(string pipeName, CancellationToken cancellationToken)
    {
        string modelPath = Path.Combine(_modelDirectory, "qwen2.5-1.5b-instruct-q4_k_m.gguf");
        await using var pipe = new NamedPipeServerStream(pipeName, PipeDirection.Out, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
        await pipe.WaitForConnectionAsync(cancellationToken);
        await using var model = new FileStream(modelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        await model.CopyToAsync(pipe, 1 << 20, cancellationToken); // miss: LG2002 — first run on HEAD ac9ec12 (fourth late set, written by a helper that saw only the categories): a named pipe to a worker process on the same machine is not a destination the rule knows; System.IO.Pipes is deliberately not a boundary (a local process loading the model is use, not distribution), so this label is disputed and kept as a miss
        pipe.WaitForPipeDrain();
    }
}

// case: a classroom app multicasting an ONNX model in numbered UDP datagrams so every tablet in the room receives it — weights sent to LAN devices
public static class ClassroomModelMulticast
{
    private const int DatagramPayload = 8 * 1024;

    public static async Task BroadcastAsync(string lessonFolder, CancellationToken cancellationToken)
    {
        var group = new IPEndPoint(IPAddress.Parse("239.10.20.30"), 50_505);
        using var udp = new UdpClient();
        udp.JoinMulticastGroup(group.Address);
        byte[] model = await File.ReadAllBytesAsync(Path.Combine(lessonFolder, "handwriting-digits.onnx"), cancellationToken);
        for (int offset = 0, sequence = 0; offset < model.Length; offset += DatagramPayload, sequence++)
        {
            int length = Math.Min(DatagramPayload, model.Length - offset);
            byte[] datagram = new byte[length + 4];
            BitConverter.TryWriteBytes(datagram.AsSpan(0, 4), sequence);
            Buffer.BlockCopy(model, offset, datagram, 4, length);
            await udp.SendAsync(datagram, group, cancellationToken); // expect: LG2002
        }
    }
}

// case: a TFLite model's bytes put into a record and posted with PostAsJsonAsync to a device-management API — the byte[] becomes base64 in the JSON body
public sealed record FirmwareBundle(string DeviceGroup, string ModelName, byte[] ModelBytes, int Version);

public sealed class DeviceFleetPublisher(HttpClient fleetApi)
{
    public async Task PublishAsync(int version, CancellationToken cancellationToken)
    {
        const string modelFile = "assets/keyword_spotting_int8.tflite";
        var bundle = new FirmwareBundle("warehouse-scanners", Path.GetFileName(modelFile), await File.ReadAllBytesAsync(modelFile, cancellationToken), version);
        using var response = await fleetApi.PostAsJsonAsync("v2/device-groups/warehouse-scanners/bundles", bundle, cancellationToken); // expect: LG2002
        response.EnsureSuccessStatusCode();
    }
}

// case: a safetensors checkpoint sent to a OneDrive-style upload session in 10 MiB ranged PUTs with Content-Range headers — a resumable cloud upload of weights
public sealed class DriveUploadSession(HttpClient http)
{
    private const int ChunkSize = 10 * 1024 * 1024; // a multiple of 320 KiB, as such session APIs require

    public async Task UploadAsync(Uri uploadUrl, string runFolder, CancellationToken cancellationToken)
    {
        string checkpoint = Path.Combine(runFolder, "model-00001-of-00001.safetensors");
        long total = new FileInfo(checkpoint).Length;
        using var source = File.OpenRead(checkpoint);
        byte[] buffer = new byte[ChunkSize];
        for (long start = 0; start < total;)
        {
            int read = await source.ReadAtLeastAsync(buffer, (int)Math.Min(ChunkSize, total - start), throwOnEndOfStream: true, cancellationToken);
            var chunk = new ByteArrayContent(buffer, 0, read); // expect: LG2002
            chunk.Headers.ContentRange = new ContentRangeHeaderValue(start, start + read - 1, total);
            using var response = await http.PutAsync(uploadUrl, chunk, cancellationToken);
            response.EnsureSuccessStatusCode();
            start += read;
        }
    }
}

// case: a GGUF uploaded to S3 as a multipart upload whose parts name the file with FilePath and FilePosition — S3 parts read straight from the weights
public sealed class MultipartModelUploader(IAmazonS3 s3)
{
    private const long PartSize = 64L * 1024 * 1024;

    public async Task UploadAsync(string bucket, CancellationToken cancellationToken)
    {
        string ggufPath = Path.Combine("out", "quantized", "phi-3.5-mini-instruct-Q5_K_M.gguf");
        var started = await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = "models/phi-3.5-mini/Q5_K_M.gguf" }, cancellationToken);
        long length = new FileInfo(ggufPath).Length;
        var etags = new List<PartETag>();
        int partNumber = 1;
        for (long position = 0; position < length; position += PartSize, partNumber++)
        {
            var part = await s3.UploadPartAsync(new UploadPartRequest // expect: LG2002
            {
                BucketName = bucket,
                Key = started.Key,
                UploadId = started.UploadId,
                PartNumber = partNumber,
                FilePath = ggufPath,
                FilePosition = position,
                PartSize = Math.Min(PartSize, length - position),
            }, cancellationToken);
            etags.Add(new PartETag(partNumber, part.ETag));
        }

        await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = bucket, Key = started.Key, UploadId = started.UploadId, PartETags = etags }, cancellationToken);
    }
}

// case: a minimal API accepting a server-side WebSocket and sending an ONNX model to the connected browser in binary frames — weights served over an accepted WebSocket
public static class WebSocketModelEndpoint
{
    public static void Map(WebApplication app)
    {
        app.UseWebSockets();
        app.Map("/ws/model", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
            await using var model = File.OpenRead(Path.Combine(app.Environment.ContentRootPath, "models", "u2net-portrait.onnx"));
            var buffer = new byte[256 * 1024];
            int read;
            while ((read = await model.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                bool last = model.Position == model.Length;
                await socket.SendAsync(buffer.AsMemory(0, read), WebSocketMessageType.Binary, last, context.RequestAborted); // expect: LG2002
            }

            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
        });
    }
}

// case: a Razor Pages handler OnGetCheckpoint returning PageModel.PhysicalFile for the run's last.ckpt — a page handler serving a checkpoint
public sealed class TrainingRunPage : PageModel
{
    private const string RunsRoot = "/srv/training/runs";

    public IActionResult OnGetCheckpoint(string runId)
    {
        if (runId.Any(c => !char.IsLetterOrDigit(c) && c != '-'))
        {
            return BadRequest();
        }

        string checkpoint = Path.Combine(RunsRoot, runId, "checkpoints", "last.ckpt");
        return PhysicalFile(checkpoint, "application/octet-stream", $"{runId}-last.ckpt"); // expect: LG2002
    }
}

// case: a static FrozenDictionary catalogue from slugs to ONNX files looked up by a route value and served with TypedResults.PhysicalFile — the weight path comes from a frozen static cache
public static class ModelCatalogEndpoint
{
    private static readonly FrozenDictionary<string, string> Catalog = new Dictionary<string, string>
    {
        ["yolo-nano"] = "/opt/vision/models/yolov8n.onnx",
        ["yolo-small"] = "/opt/vision/models/yolov8s.onnx",
        ["segmenter"] = "/opt/vision/models/sam-vit-b-encoder.onnx",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder group)
    {
        group.MapGet("/{slug}/download", IResult (string slug) =>
            Catalog.TryGetValue(slug, out var file)
                ? TypedResults.PhysicalFile(file, "application/octet-stream", Path.GetFileName(file), enableRangeProcessing: true) // expect: LG2002
                : TypedResults.NotFound());
        return group;
    }
}

// case: a generic release step constrained to an interface with a static abstract FileName, instantiated for a safetensors artifact type — the weight file name lives in a static abstract member
public interface IReleaseArtifact
{
    static abstract string FileName { get; }
}

public sealed class MistralWeights : IReleaseArtifact
{
    public static string FileName => "mistral-7b-instruct-v0.3.safetensors";
}

public static class ReleaseStep
{
    public static void Stage<TArtifact>(string buildOutput, string releaseShare)
        where TArtifact : IReleaseArtifact
    {
        File.Copy(Path.Combine(buildOutput, TArtifact.FileName), Path.Combine(releaseShare, TArtifact.FileName), overwrite: true); // expect: LG2002
    }

    public static void Run() => Stage<MistralWeights>("artifacts/build", @"\\fileserver\releases\assistant\2025.06");
}

// case: a GGUF path registered as a keyed string singleton and injected with [FromKeyedServices] into a bundler that copies it into the customer bundle — the weight path arrives through keyed DI
public static class BundlerRegistration
{
    public static IServiceCollection AddOfflineBundler(this IServiceCollection services)
    {
        services.AddKeyedSingleton<string>("chat-weights", Path.Combine("models", "llama-3.2-3b-instruct-q4_k_m.gguf"));
        services.AddSingleton<OfflineBundler>();
        return services;
    }
}

public sealed class OfflineBundler([FromKeyedServices("chat-weights")] string weightsPath)
{
    public void AddTo(string bundleRoot)
    {
        string target = Path.Combine(bundleRoot, "payload", Path.GetFileName(weightsPath));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(weightsPath, target, overwrite: true); // miss: LG2002 — first run on HEAD ac9ec12 (fourth late set, written by a helper that saw only the categories): a value registered as a keyed DI service and injected with [FromKeyedServices] has no call edge to follow: container registrations are not matched to constructor parameters
    }
}

// case: a trainer raising a CheckpointSaved event with custom EventArgs, a subscriber mirroring each saved .pth onto the lab NAS — the weight path travels through an event
public sealed class CheckpointSavedEventArgs(string path, int epoch) : EventArgs
{
    public string Path { get; } = path;

    public int Epoch { get; } = epoch;
}

public sealed class Trainer
{
    public event EventHandler<CheckpointSavedEventArgs>? CheckpointSaved;

    public void EndEpoch(int epoch, string outputDir)
    {
        string saved = Path.Combine(outputDir, $"resnet50-epoch{epoch:D3}.pth");
        CheckpointSaved?.Invoke(this, new CheckpointSavedEventArgs(saved, epoch));
    }
}

public static class NasMirror
{
    private const string NasRoot = @"\\lab-nas01\shared\checkpoints\resnet50";

    public static void Attach(Trainer trainer) => trainer.CheckpointSaved += OnCheckpointSaved;

    private static void OnCheckpointSaved(object? sender, CheckpointSavedEventArgs e)
    {
        File.Copy(e.Path, Path.Combine(NasRoot, Path.GetFileName(e.Path)), overwrite: true); // expect: LG2002
    }
}

// case: files of an export folder selected by a static Regex on .gguf/.safetensors/.onnx and copied with FileInfo.CopyTo to the deployment drop — a regex, not EndsWith, picks the weights
public static class RegexDeploymentDrop
{
    private static readonly Regex WeightFile = new(@"\.(gguf|safetensors|onnx)$", RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static int Publish(string exportFolder, string dropFolder)
    {
        int copied = 0;
        foreach (var file in new DirectoryInfo(exportFolder).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (!WeightFile.IsMatch(file.Name))
            {
                continue;
            }

            file.CopyTo(Path.Combine(dropFolder, file.Name), overwrite: true); // expect: LG2002
            copied++;
        }

        return copied;
    }
}

// case: a GGUF opened as a MemoryMappedFile, its whole view stream copied into a FileStream on the partner's share — mapping first does not make the copy a read
public static class MappedModelExport
{
    public static void Export(string modelsRoot, string partnerShare)
    {
        string gguf = Path.Combine(modelsRoot, "gemma-2-2b-it-Q8_0.gguf");
        using var mapped = MemoryMappedFile.CreateFromFile(gguf, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
        using var view = mapped.CreateViewStream(0, 0, MemoryMappedFileAccess.Read);
        using var target = new FileStream(Path.Combine(partnerShare, "gemma-2-2b-it-Q8_0.gguf"), FileMode.Create, FileAccess.Write);
        view.CopyTo(target); // expect: LG2002
    }
}

// case: an OCI image layer written as a gzipped tar with a PaxTarEntry whose DataStream is a pytorch_model.bin, so the container image ships the weights — a tar entry object with a data stream
public static class ImageLayerBuilder
{
    public static async Task WriteModelLayerAsync(string modelDir, string layerPath, CancellationToken cancellationToken)
    {
        await using var layerFile = File.Create(layerPath);
        await using var gzip = new GZipStream(layerFile, CompressionLevel.Optimal);
        await using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        await using var weights = File.OpenRead(Path.Combine(modelDir, "pytorch_model.bin"));
        var entry = new PaxTarEntry(TarEntryType.RegularFile, "app/models/pytorch_model.bin")
        {
            DataStream = weights, // expect: LG2002
            Mode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            ModificationTime = DateTimeOffset.UnixEpoch,
        };
        await tar.WriteEntryAsync(entry, cancellationToken);
    }
}

// case: the app's model cache migrated with Directory.Move from its old LocalApplicationData folder to the renamed product's LocalApplicationData folder — a move within the per-user cache
public static class CacheMigration
{
    public static void MigrateIfNeeded()
    {
        string localAppData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        string oldCache = Path.Combine(localAppData, "ContosoChat", "models");
        string newCache = Path.Combine(localAppData, "Contoso Assistant", "model-cache");
        if (Directory.Exists(oldCache) && !Directory.Exists(newCache))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(newCache)!);
            Directory.Move(oldCache, newCache);
        }
    }
}

// case: a host telling its local inference worker over a named pipe which GGUF to load, as a small JSON message with the path — only the path text crosses the pipe
public sealed record LoadModelCommand(string Command, string ModelPath, int ContextSize, int GpuLayers);

public static class WorkerControlChannel
{
    public static async Task SendLoadAsync(string pipeName, CancellationToken cancellationToken)
    {
        string modelPath = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Assistant", "models", "smollm2-1.7b-instruct-q8_0.gguf");
        await using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.Out, PipeOptions.Asynchronous);
        await pipe.ConnectAsync(cancellationToken);
        byte[] message = JsonSerializer.SerializeToUtf8Bytes(new LoadModelCommand("load", modelPath, 8192, 99));
        await pipe.WriteAsync(message, cancellationToken);
        await pipe.FlushAsync(cancellationToken);
    }
}

// case: a UDP discovery beacon announcing which GGUF a node has, with its name, size and SHA-256, so peers can ask for it elsewhere — an announcement, not the weights
public static class ModelDiscoveryBeacon
{
    public static async Task AnnounceAsync(string modelPath, string sha256, CancellationToken cancellationToken)
    {
        var announcement = new
        {
            node = Environment.MachineName,
            model = Path.GetFileName(modelPath),
            bytes = new FileInfo(modelPath).Length,
            sha256,
        };
        byte[] payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(announcement));
        using var udp = new UdpClient { EnableBroadcast = true };
        await udp.SendAsync(payload, new IPEndPoint(IPAddress.Broadcast, 47_000), cancellationToken);
    }

    public static Task AnnounceDefaultAsync(CancellationToken cancellationToken) =>
        AnnounceAsync("/var/lib/models/qwen2.5-7b-instruct-q4_k_m.gguf", "c0ffee", cancellationToken);
}

// case: a sharded checkpoint's model.safetensors.index.json copied to the release share for a manifest diff — the shard index is JSON, not weights, despite the name
public static class ShardIndexPublisher
{
    public static void Publish(string checkpointDir, string releaseShare)
    {
        string index = Path.Combine(checkpointDir, "model.safetensors.index.json");
        File.Copy(index, Path.Combine(releaseShare, "manifests", "model.safetensors.index.json"), overwrite: true);
    }
}

// case: a Razor Pages handler returning the LICENSE file of a model folder with PageModel.PhysicalFile — the licence text beside the weights, not the weights
public sealed class ModelLicensePage : PageModel
{
    private const string ModelFolder = "/opt/models/llama-3.1-8b-instruct";

    public IActionResult OnGetLicense() =>
        PhysicalFile(Path.Combine(ModelFolder, "LICENSE"), "text/plain", "LICENSE.txt");
}

// case: an OTA endpoint serving ESP32 firmware images (esp32-ota-*.bin) to devices with Results.File — a firmware .bin, not PyTorch weights
public static class FirmwareOtaEndpoint
{
    public static void Map(WebApplication app)
    {
        string firmwareDir = Path.Combine(app.Environment.ContentRootPath, "firmware");
        app.MapGet("/ota/{board}/{version}", (string board, string version) =>
        {
            string image = Path.Combine(firmwareDir, board, $"esp32-ota-{version}.bin");
            return File.Exists(image)
                ? Results.File(image, "application/octet-stream", Path.GetFileName(image))
                : Results.NotFound();
        });
    }
}
