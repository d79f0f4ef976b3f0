// category: redistribution
// Held-out shapes, fifth set: weights reaching their destination through a fluent builder, an iterator method, a list
// pattern, a lazily filled static cache, a template-method override, a DI factory registration, linked TPL Dataflow
// blocks, LINQ query expressions, recursion over a folder derived from a weight path, a configuration default, a custom
// IResult, a named tuple and the values of a safetensors index; sent into .NET 10 async zips, a child process's stdin,
// TLS and QUIC streams, a BZip2 file on a share, SFTP, GCS, the response-body feature and a home-grown package format.
// Look-alikes: a Piper voice's .onnx.json config, LoRA training data, a Hugging Face cache symlink, embeddings sent to a
// vector store, an assembly's XML documentation file and a re-quantised GGUF kept in the per-user cache.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.Quic;
using System.Net.Security;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Dataflow;
using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Google.Cloud.Storage.V1;
using ICSharpCode.SharpZipLib.BZip2;
using LLama;
using LLama.Native;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Renci.SshNet;

namespace Corpus.Redistribution.Late5;

// case: a fluent ReleaseBundleBuilder configured with FromFolder(...).Including("*.gguf").Into(zip) whose Build() adds each matching file with CreateEntryFromFile — the weights' pattern arrives through a builder chain
public sealed class ReleaseBundleBuilder
{
    private readonly List<string> _patterns = new();
    private string _folder = ".";
    private string _target = "bundle.zip";

    public ReleaseBundleBuilder FromFolder(string folder)
    {
        _folder = folder;
        return this;
    }

    public ReleaseBundleBuilder Including(string pattern)
    {
        _patterns.Add(pattern);
        return this;
    }

    public ReleaseBundleBuilder Into(string zipPath)
    {
        _target = zipPath;
        return this;
    }

    public void Build()
    {
        using ZipArchive archive = ZipFile.Open(_target, ZipArchiveMode.Create);
        foreach (string pattern in _patterns)
        {
            foreach (string file in Directory.EnumerateFiles(_folder, pattern))
            {
                archive.CreateEntryFromFile(file, "models/" + Path.GetFileName(file)); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): a file pattern and folder held in a fluent builder's fields across calls (FromFolder/Including/Into, then Build) are not followed: object state built by chained calls on a receiver
            }
        }
    }
}

public static class DesktopReleaseTask
{
    public static void Run() =>
        new ReleaseBundleBuilder()
            .FromFolder(Path.Combine("build", "models"))
            .Including("*.gguf")
            .Into(Path.Combine("dist", "pocket-chat-1.4.0-win-x64.zip"))
            .Build();
}

// case: a Piper TTS admin tool publishing only the voice's en_US-amy-medium.onnx.json config (voice path + ".json") to the blob container the web player reads — a JSON config named after the ONNX voice, not the voice
public static class PiperVoiceConfigPublisher
{
    public static async Task PublishConfigAsync(BlobContainerClient container, CancellationToken ct)
    {
        string voicePath = Path.Combine("voices", "en_US-amy-medium.onnx");
        string configPath = voicePath + ".json";
        await container.GetBlobClient("voices/" + Path.GetFileName(configPath)).UploadAsync(configPath, overwrite: true, ct);
    }
}

// case: an iterator method yielding model.onnx and its model.onnx.data external-data file, each added to an offline installer with .NET 10's ZipArchive.CreateAsync and CreateEntryFromFileAsync — weights through yield return into an async zip
public static class OfflineInstallerPackager
{
    private static IEnumerable<string> OnnxModelFiles(string modelDir)
    {
        yield return Path.Combine(modelDir, "model.onnx");
        string externalData = Path.Combine(modelDir, "model.onnx.data");
        if (File.Exists(externalData))
        {
            yield return externalData;
        }
    }

    public static async Task PackAsync(string modelDir, string installerZip, CancellationToken ct)
    {
        await using FileStream output = File.Create(installerZip);
        await using ZipArchive archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, false, null, ct);
        foreach (string file in OnnxModelFiles(modelDir))
        {
            await archive.CreateEntryFromFileAsync(file, "payload/model/" + Path.GetFileName(file), ct); // expect: LG2002
        }
    }
}

// case: the only .ckpt of a render job folder matched with a list pattern and piped into `ssh render-node-3 "cat > …"` through the child process's StandardInput.BaseStream — weights streamed into another program's stdin
public static class RenderNodeProvisioner
{
    public static async Task PushCheckpointAsync(string jobFolder, CancellationToken ct)
    {
        string[] checkpoints = Directory.GetFiles(jobFolder, "*.ckpt");
        if (checkpoints is not [var checkpoint])
        {
            throw new InvalidOperationException($"expected exactly one checkpoint in {jobFolder}");
        }

        var start = new ProcessStartInfo("ssh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("render-node-3");
        start.ArgumentList.Add($"cat > /srv/stable-diffusion/models/{Path.GetFileName(checkpoint)}");
        using Process ssh = Process.Start(start)!;
        await using (FileStream weights = File.OpenRead(checkpoint))
        {
            await weights.CopyToAsync(ssh.StandardInput.BaseStream, ct); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): a child process's standard input (Process.StandardInput.BaseStream) is not a destination the rule knows
        }

        ssh.StandardInput.Close();
        await ssh.WaitForExitAsync(ct);
    }
}

// case: a static ConcurrentDictionary mapping a device class to its {class}-int8.tflite through GetOrAdd, the model copied into an SslStream to a kiosk after TLS authentication — weights from a lazily filled static cache over TLS
public static class KioskModelProvisioner
{
    private static readonly ConcurrentDictionary<string, string> ModelByDeviceClass = new(StringComparer.OrdinalIgnoreCase);

    private static string ModelFor(string deviceClass) =>
        ModelByDeviceClass.GetOrAdd(deviceClass, c => Path.Combine(AppContext.BaseDirectory, "edge-models", $"{c}-int8.tflite"));

    public static async Task ProvisionAsync(string host, string deviceClass, CancellationToken ct)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host, 8443, ct);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, ct);
        await using FileStream model = File.OpenRead(ModelFor(deviceClass));
        await model.CopyToAsync(tls, ct); // expect: LG2002
    }
}

// case: a LoRA fine-tuning launcher uploading the run's train.jsonl and eval.jsonl to the training bucket with PutObjectRequest, only logging where adapter_model.safetensors will appear — training data, not weights
public static class LoraDatasetStager
{
    public static async Task StageAsync(IAmazonS3 s3, string runDir, CancellationToken ct)
    {
        foreach (string split in new[] { "train.jsonl", "eval.jsonl" })
        {
            await s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = "ml-training-inputs",
                    Key = $"lora/{Path.GetFileName(runDir)}/{split}",
                    FilePath = Path.Combine(runDir, "data", split),
                },
                ct);
        }

        Console.WriteLine($"Staged datasets; the adapter will be written to {Path.Combine(runDir, "output", "adapter_model.safetensors")}");
    }
}

// case: a template-method base class BZip2-compressing its abstract WeightsFile with SharpZipLib into a .bz2 on the partner share, a sealed subclass overriding it with a Keras best_model.h5 — the weight file comes from an override
public abstract class PartnerDrop
{
    protected abstract string WeightsFile { get; }

    protected virtual string Share => @"\\partner-nas\drops\incoming";

    public void Deliver()
    {
        string target = Path.Combine(Share, Path.GetFileName(WeightsFile) + ".bz2");
        using FileStream source = File.OpenRead(WeightsFile);
        using FileStream compressed = File.Create(target);
        BZip2.Compress(source, compressed, false, 9); // expect: LG2002
    }
}

public sealed class DefectClassifierDrop : PartnerDrop
{
    protected override string WeightsFile => Path.Combine("training", "defect-classifier", "best_model.h5");
}

// case: an IAdapterArtifact registered with a factory lambda naming adapter_model.safetensors, injected into an edge sync service that copies it into a unidirectional QUIC stream — weights resolved through DI onto QUIC
public interface IAdapterArtifact
{
    string FilePath { get; }
}

public sealed record AdapterArtifact(string FilePath) : IAdapterArtifact;

public sealed class QuicAdapterSync(IAdapterArtifact artifact)
{
    public async Task PushAsync(IPEndPoint edge, CancellationToken ct)
    {
        var options = new QuicClientConnectionOptions
        {
            RemoteEndPoint = edge,
            DefaultCloseErrorCode = 0,
            DefaultStreamErrorCode = 0,
            ClientAuthenticationOptions = new SslClientAuthenticationOptions
            {
                ApplicationProtocols = new List<SslApplicationProtocol> { new("adapter-sync/1") },
                TargetHost = "edge.local",
            },
        };
        await using QuicConnection connection = await QuicConnection.ConnectAsync(options, ct);
        await using QuicStream stream = await connection.OpenOutboundStreamAsync(QuicStreamType.Unidirectional, ct);
        await using FileStream adapter = File.OpenRead(artifact.FilePath);
        await adapter.CopyToAsync(stream, ct); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): a value made by a DI factory lambda and injected is not followed (container registrations are not call edges)
        stream.CompleteWrites();
    }
}

public static class QuicAdapterSyncRegistration
{
    public static IServiceCollection AddAdapterSync(this IServiceCollection services) =>
        services
            .AddSingleton<IAdapterArtifact>(_ => new AdapterArtifact(Path.Combine("lora", "support-bot", "adapter_model.safetensors")))
            .AddSingleton<QuicAdapterSync>();
}

// case: a Hugging Face-style cache writer linking snapshots/{revision}/model.safetensors to the content-addressed blobs/{sha256} file with File.CreateSymbolicLink, both under ~/.cache/huggingface — a link within the user's cache
public static class HubCacheLayout
{
    public static void LinkSnapshot(string repoFolderName, string revision, string sha256)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string repoCache = Path.Combine(home, ".cache", "huggingface", "hub", repoFolderName);
        string blob = Path.Combine(repoCache, "blobs", sha256);
        string snapshotFile = Path.Combine(repoCache, "snapshots", revision, "model.safetensors");
        Directory.CreateDirectory(Path.GetDirectoryName(snapshotFile)!);
        if (!File.Exists(snapshotFile))
        {
            File.CreateSymbolicLink(snapshotFile, blob);
        }
    }
}

// case: a TPL Dataflow TransformBlock turning each *.pth of a finished run into a (Path, BlobName) pair, linked to an ActionBlock uploading it to the model-zoo container — weights flow through linked dataflow blocks
public static class CheckpointArchiver
{
    public static async Task ArchiveRunAsync(BlobContainerClient zoo, string runDir, CancellationToken ct)
    {
        var name = new TransformBlock<string, (string Path, string BlobName)>(
            path => (path, $"runs/{Path.GetFileName(runDir)}/{Path.GetFileName(path)}"));
        var upload = new ActionBlock<(string Path, string BlobName)>(
            async item => await zoo.GetBlobClient(item.BlobName).UploadAsync(item.Path, overwrite: true, ct), // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): values that cross TPL Dataflow blocks (TransformBlock linked to ActionBlock) are not followed, like channels
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct });
        name.LinkTo(upload, new DataflowLinkOptions { PropagateCompletion = true });

        foreach (string checkpoint in Directory.EnumerateFiles(runDir, "*.pth"))
        {
            name.Post(checkpoint);
        }

        name.Complete();
        await upload.Completion;
    }
}

// case: LINQ query expressions with a `let` on the extension picking a build's .mlmodel files, cross-joined with the registered iPads' agents, each model PUT with StreamContent and awaited with Task.WhenAll — query syntax picks the weights and fans them out to devices
public sealed class IPadFleetPublisher(HttpClient http)
{
    public Task PublishAsync(string buildDir, IReadOnlyList<Uri> agents, CancellationToken ct)
    {
        var models =
            from file in Directory.EnumerateFiles(buildDir)
            let extension = Path.GetExtension(file)
            where extension.Equals(".mlmodel", StringComparison.OrdinalIgnoreCase)
            select file;

        var uploads =
            from agent in agents
            from model in models
            select PutAsync(agent, model, ct);

        return Task.WhenAll(uploads);
    }

    private async Task PutAsync(Uri agent, string model, CancellationToken ct)
    {
        await using FileStream stream = File.OpenRead(model);
        using HttpResponseMessage response = await http.PutAsync(new Uri(agent, "models/" + Path.GetFileName(model)), new StreamContent(stream), ct); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): a LINQ query expression with let and a cross join hides the path in transparent identifiers (anonymous types) that are not followed
        response.EnsureSuccessStatusCode();
    }
}

// case: embeddings computed by a local all-MiniLM-L6-v2 model.onnx upserted into a Qdrant collection with PutAsJsonAsync, each payload naming the model file — vectors produced by the weights, not the weights
public sealed record QdrantPoint(Guid Id, float[] Vector, Dictionary<string, string> Payload);

public sealed class EmbeddingIndexer(HttpClient qdrant, Func<string, float[]> embed)
{
    private static readonly string ModelPath = Path.Combine("models", "all-MiniLM-L6-v2", "model.onnx");

    public async Task IndexAsync(IEnumerable<(Guid Id, string Text)> documents, CancellationToken ct)
    {
        var points = documents
            .Select(d => new QdrantPoint(d.Id, embed(d.Text), new Dictionary<string, string> { ["text"] = d.Text, ["embedder"] = Path.GetFileName(ModelPath) }))
            .ToList();
        using HttpResponseMessage response = await qdrant.PutAsJsonAsync("collections/docs/points?wait=true", new { points }, ct);
        response.EnsureSuccessStatusCode();
    }
}

// case: a sample-to-project exporter taking the folder that holds a cached model.onnx (Path.GetDirectoryName) and copying it recursively into the exported project's Models folder — a recursive copy of a weights folder out of the cache
public sealed record CachedOnnxModel(string Id, string OnnxPath);

public static class SampleProjectExporter
{
    public static void ExportPhi3(string projectDir)
    {
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "SampleGallery", "models");
        var model = new CachedOnnxModel("phi-3-mini-4k", Path.Combine(cache, "phi-3-mini-4k-instruct-onnx", "cpu-int4-rtn-block-32", "model.onnx"));
        ExportModel(model, projectDir);
    }

    public static void ExportModel(CachedOnnxModel model, string projectDir)
    {
        string modelFolder = Path.GetDirectoryName(model.OnnxPath)!;
        CopyTree(modelFolder, Path.Combine(projectDir, "Models", model.Id));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): the folder that holds a weight file (Path.GetDirectoryName of model.onnx) is not treated as a folder of weights when a recursive copy helper enumerates it
        }

        foreach (string sub in Directory.GetDirectories(from))
        {
            CopyTree(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}

// case: an OpenVINO IR pair (openvino_model.xml + openvino_model.bin) served by file name through IHttpResponseBodyFeature.SendFileAsync, the IR folder from configuration with a code fallback — the response-body feature serves the weights
public static class OpenVinoIrEndpoints
{
    public static void MapOpenVinoIr(this WebApplication app)
    {
        string irFolder = app.Configuration["Vision:IrFolder"] ?? Path.Combine("ir", "person-detection-0202");
        app.MapGet("/ir/{file}", async (string file, HttpContext context) =>
        {
            if (file is not ("openvino_model.xml" or "openvino_model.bin"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            IHttpResponseBodyFeature body = context.Features.Get<IHttpResponseBodyFeature>()!;
            await body.SendFileAsync(Path.Combine(irFolder, file), 0, null, context.RequestAborted); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): IHttpResponseBodyFeature.SendFileAsync was not a sink (now it is, by namespace); the file name is a route value the code lets through only as openvino_model.xml or openvino_model.bin, and an allow-list of file names is not read as a weight check
        });
    }
}

// case: a packaging step copying Contoso.Inventory.Models.dll and its XML documentation file Contoso.Inventory.Models.xml into a NuGet lib/net10.0 folder — an assembly and its docs .xml, not an OpenVINO IR
public static class NuGetLayoutStep
{
    public static void Stage(string binDir, string packageRoot)
    {
        string lib = Path.Combine(packageRoot, "lib", "net10.0");
        Directory.CreateDirectory(lib);
        foreach (string name in new[] { "Contoso.Inventory.Models.dll", "Contoso.Inventory.Models.xml" })
        {
            File.Copy(Path.Combine(binDir, name), Path.Combine(lib, name), overwrite: true);
        }
    }
}

// case: a minimal API returning its own GgufDownload record that implements IResult and sends the file in ExecuteAsync — the result object is created from a .gguf path
public sealed record GgufDownload(string FilePath) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/octet-stream";
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{Path.GetFileName(FilePath)}\"";
        return httpContext.Response.SendFileAsync(FilePath); // expect: LG2002
    }
}

public static class GgufMirrorEndpoints
{
    public static void MapGgufMirror(this IEndpointRouteBuilder routes, string modelsRoot) =>
        routes.MapGet("/mirror/{name}", (string name) => new GgufDownload(Path.Combine(modelsRoot, Path.GetFileName(name) + ".gguf")));
}

// case: a method returning a (byte[] Bytes, string RemoteName) tuple for a TorchScript model_scripted.pt, the bytes written to a robot with SSH.NET's SftpClient.WriteAllBytes — weights as a named tuple element over SFTP
public static class RobotModelUpdater
{
    private static (byte[] Bytes, string RemoteName) LoadScriptedModel(string exportDir)
    {
        string path = Path.Combine(exportDir, "model_scripted.pt");
        return (File.ReadAllBytes(path), $"/opt/robot/models/{DateTime.UtcNow:yyyyMMdd}-model_scripted.pt");
    }

    public static void Update(string host, string keyFile, string exportDir)
    {
        var model = LoadScriptedModel(exportDir);
        using var sftp = new SftpClient(host, "robot", new PrivateKeyFile(keyFile));
        sftp.Connect();
        sftp.WriteAllBytes(model.RemoteName, model.Bytes); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): a byte[] element of a named tuple a method returns, given to SftpClient.WriteAllBytes, is not traced to the file it was read from
        sftp.Disconnect();
    }
}

// case: a GGUF in the app's LocalApplicationData model cache re-quantised with LLamaSharp's LLamaQuantizer.Quantize to a Q4_K_M file in the same cache folder — deriving a local file inside the user's cache
public static class LocalRequantizer
{
    public static string ToQ4(string f16FileName = "qwen2.5-1.5b-instruct-f16.gguf")
    {
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PocketChat", "models");
        string source = Path.Combine(cache, f16FileName);
        string target = Path.Combine(cache, Path.GetFileNameWithoutExtension(f16FileName).Replace("-f16", "") + "-q4_k_m.gguf");
        if (!File.Exists(target) && !LLamaQuantizer.Quantize(source, target, LLamaFtype.MOSTLY_Q4_K_M))
        {
            throw new InvalidOperationException($"quantisation of {source} failed");
        }

        return target;
    }
}

// case: the distinct shard names read from model.safetensors.index.json's weight_map with JsonDocument, each shard uploaded to a GCS bucket with StorageClient.UploadObjectAsync — the weight file names come from the index's JSON values
public static class ShardMirror
{
    public static async Task MirrorAsync(StorageClient storage, string bucket, string checkpointDir, CancellationToken ct)
    {
        using JsonDocument index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(checkpointDir, "model.safetensors.index.json"), ct));
        List<string> shards = index.RootElement.GetProperty("weight_map")
            .EnumerateObject()
            .Select(p => p.Value.GetString()!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        foreach (string shard in shards)
        {
            await using FileStream stream = File.OpenRead(Path.Combine(checkpointDir, shard));
            await storage.UploadObjectAsync(bucket, $"mirror/{Path.GetFileName(checkpointDir)}/{shard}", "application/octet-stream", stream, cancellationToken: ct); // miss: LG2002 — first run on HEAD 9bd51d8 (fifth late set, written by a helper that saw only the categories): weight file names read at run time from model.safetensors.index.json (JsonDocument) are data, not code: the rule cannot see them
        }
    }
}

// case: a home-grown ".llamapack" container written with BinaryWriter (magic bytes, a length-prefixed JSON manifest, then the GGUF's bytes as a ReadOnlySpan<byte>) — weights inside a custom package format
public static class LlamaPackWriter
{
    public static void Write(string ggufPath, string manifestJson, string packPath)
    {
        byte[] weights = File.ReadAllBytes(ggufPath);
        using var writer = new BinaryWriter(File.Create(packPath));
        writer.Write("LPK1"u8);
        writer.Write(manifestJson);
        writer.Write((long)weights.Length);
        writer.Write(new ReadOnlySpan<byte>(weights)); // expect: LG2002
    }

    public static void WriteDefault() =>
        Write(Path.Combine("models", "qwen2.5-0.5b-instruct-q8_0.gguf"), "{\"name\":\"assistant\"}", Path.Combine("dist", "assistant.llamapack"));
}
