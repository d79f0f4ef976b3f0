// category: redistribution
// Held-out shapes of shipping model weights through channels other than the usual copy/zip/upload helpers: FTP request
// streams, HttpListener and TcpListener servers on the LAN, Hugging Face Hub commits with base64 content, e-mail attachments,
// Visual Basic's FileSystem helpers, Blazor stream downloads, SignalR hub streaming, server-side blob and S3 copies, SFTP
// directory sync, custom HttpContent types and installer payloads. Downloads into the user's cache, cache-local swaps and
// configs, metrics or logs sent through the same channels are not redistribution.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.JSInterop;
using Renci.SshNet;

namespace Corpus.Redistribution.Late3;

// case: a GGUF streamed into an FtpWebRequest's request stream for the partner's FTP drop — weights over FTP
public static class FtpModelDrop
{
    public static void Push(string ftpRoot, NetworkCredential credentials)
    {
        const string weights = "models/mistral-7b-instruct-v0.3.Q5_K_M.gguf";
        var request = (FtpWebRequest)WebRequest.Create(ftpRoot + "/incoming/" + Path.GetFileName(weights));
        request.Method = WebRequestMethods.Ftp.UploadFile;
        request.Credentials = credentials;
        request.UseBinary = true;
        using var source = File.OpenRead(weights);
        using var target = request.GetRequestStream();
        source.CopyTo(target); // expect: LG2002
        using var response = (FtpWebResponse)request.GetResponse();
    }
}

// case: a small HttpListener model server on the LAN copying the ONNX model into the listener response's OutputStream — weights served without ASP.NET Core
public sealed class LanModelListener
{
    private readonly HttpListener _listener = new();
    private readonly string _modelPath = Path.Combine(AppContext.BaseDirectory, "models", "yolov8n.onnx");

    public async Task RunAsync(CancellationToken ct)
    {
        _listener.Prefixes.Add("http://+:8085/model/");
        _listener.Start();
        while (!ct.IsCancellationRequested)
        {
            HttpListenerContext ctx = await _listener.GetContextAsync();
            ctx.Response.ContentType = "application/octet-stream";
            await using var fs = new FileStream(_modelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
            ctx.Response.ContentLength64 = fs.Length;
            await fs.CopyToAsync(ctx.Response.OutputStream, ct); // expect: LG2002
            ctx.Response.Close();
        }
    }
}

// case: a peer-to-peer seeder accepting sockets from a TcpListener and sending each peer a safetensors shard with Socket.SendAsync — weights to LAN peers
public sealed class ShardSeeder(int port)
{
    private static readonly string ShardPath = Path.Combine("weights", "model-00002-of-00004.safetensors");

    public async Task SeedAsync(CancellationToken ct)
    {
        var listener = new TcpListener(IPAddress.Any, port);
        listener.Start();
        byte[] shard = await File.ReadAllBytesAsync(ShardPath, ct);
        while (!ct.IsCancellationRequested)
        {
            using Socket peer = await listener.AcceptSocketAsync(ct);
            await peer.SendAsync(BitConverter.GetBytes((long)shard.Length).AsMemory(), SocketFlags.None, ct);
            await peer.SendAsync(shard.AsMemory(), SocketFlags.None, ct); // expect: LG2002
            peer.Shutdown(SocketShutdown.Both);
        }
    }
}

// case: a LoRA adapter_model.safetensors base64-encoded into a Hugging Face Hub NDJSON commit payload posted as StringContent — weights inside a JSON string
public sealed class HubCommitPublisher(HttpClient http)
{
    public async Task PublishAdapterAsync(string repoId, string outputDir, CancellationToken ct)
    {
        string adapterPath = Path.Combine(outputDir, "adapter_model.safetensors");
        string content = Convert.ToBase64String(await File.ReadAllBytesAsync(adapterPath, ct));
        var ndjson = new StringBuilder()
            .AppendLine("{\"key\":\"header\",\"value\":{\"summary\":\"Upload LoRA adapter\"}}")
            .AppendLine("{\"key\":\"file\",\"value\":{\"path\":\"adapter_model.safetensors\",\"encoding\":\"base64\",\"content\":\"" + content + "\"}}")
            .ToString();
        using var response = await http.PostAsync($"https://huggingface.co/api/models/{repoId}/commit/main", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"), ct); // expect: LG2002
        response.EnsureSuccessStatusCode();
    }
}

// case: a TFLite model mailed to the field team as an Attachment in a MailMessage initializer sent with SmtpClient — weights as an e-mail attachment
public sealed class FieldTeamMailer(SmtpClient smtp)
{
    private const string MobileModel = "export/mobilenet_v3_small_int8.tflite";

    public void SendBuild(string to) => smtp.Send(new MailMessage("ml-builds@contoso.com", to, "New on-device model", "Attached is tonight's quantized model.") { Attachments = { new Attachment(MobileModel, "application/octet-stream") } }); // expect: LG2002
}

// case: Visual Basic's FileSystem.CopyDirectory copying the checkpoints folder onto a UNC share — a weights folder copied by the VB runtime helper
public static class VbShareMirror
{
    public static void Mirror(string runDir)
    {
        string checkpoints = Path.Combine(runDir, "checkpoints");
        Microsoft.VisualBasic.FileIO.FileSystem.CopyDirectory(checkpoints, @"\\fileserver\ml-share\runs\latest\checkpoints", overwrite: true); // expect: LG2002
    }
}

// case: a Blazor Server page handing an ONNX model to the browser as a DotNetStreamReference through IJSRuntime — a browser download of weights
public sealed class ModelDownloadButton(IJSRuntime js)
{
    public string ModelFile { get; init; } = "Models/face_detector_int8.onnx";

    public async Task DownloadAsync()
    {
        await using var stream = File.OpenRead(ModelFile);
        await js.InvokeVoidAsync("downloadFileFromStream", "face_detector_int8.onnx", new DotNetStreamReference(stream)); // expect: LG2002
    }
}

// case: a SignalR hub pushing a GGUF to the calling client in 1 MiB chunks with Clients.Caller.SendAsync — weights streamed over SignalR
public sealed class ModelSyncHub : Hub
{
    public async Task PullModel(CancellationToken ct)
    {
        await using var gguf = File.OpenRead("/srv/llm/models/phi-3-mini-4k-instruct-q4.gguf");
        var buffer = new byte[1 << 20];
        int read;
        while ((read = await gguf.ReadAsync(buffer, ct)) > 0)
        {
            await Clients.Caller.SendAsync("ModelChunk", buffer[..read], ct); // expect: LG2002
        }
    }
}

// case: a safetensors file mirrored from a Hugging Face resolve URL into the company's blob container with StartCopyFromUriAsync — a server-side copy of weights
public sealed class HubToBlobMirror(BlobContainerClient container)
{
    public async Task MirrorAsync(string repoId, string revision, CancellationToken ct)
    {
        var source = new Uri($"https://huggingface.co/{repoId}/resolve/{revision}/model.safetensors");
        BlobClient target = container.GetBlobClient($"{repoId}/{revision}/model.safetensors");
        await target.StartCopyFromUriAsync(source, cancellationToken: ct); // expect: LG2002
    }
}

// case: a GGUF object copied from the private training bucket into the public downloads bucket with CopyObjectAsync — an S3-side copy of weights
public sealed class PublicBucketPromoter(IAmazonS3 s3)
{
    public Task PromoteAsync(string version, CancellationToken ct) =>
        s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = "acme-training", SourceKey = $"runs/{version}/llama-3-8b-acme.Q4_K_M.gguf", DestinationBucket = "acme-public-downloads", DestinationKey = $"models/{version}/llama-3-8b-acme.Q4_K_M.gguf" }, ct); // expect: LG2002
}

// case: SftpClient.SynchronizeDirectories pushing every *.gguf of the local models folder to an edge box — SFTP directory sync of weights
public static class EdgeModelSync
{
    public static void Sync(SftpClient sftp, string modelsDir)
    {
        sftp.Connect();
        var uploaded = sftp.SynchronizeDirectories(modelsDir, "/opt/edge/models", "*.gguf"); // expect: LG2002
        Console.WriteLine($"synced {uploaded.Count()} files");
    }
}

// case: a custom progress-reporting HttpContent subclass created with the checkpoint path and posted to a model marketplace — the content type reads the file itself
public sealed class ProgressFileContent(string path, IProgress<long> progress) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var file = File.OpenRead(path);
        var buffer = new byte[81920];
        long sent = 0;
        int n;
        while ((n = await file.ReadAsync(buffer)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, n)); // expect: LG2002
            progress.Report(sent += n);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = new FileInfo(path).Length;
        return true;
    }
}

public sealed class MarketplacePublisher(HttpClient http)
{
    public async Task ListAsync(string listingId, IProgress<long> progress)
    {
        string ckpt = Path.Combine("checkpoints", "sdxl-finetune-v2.ckpt");
        var response = await http.PostAsync($"https://market.example.com/api/listings/{listingId}/file", new ProgressFileContent(ckpt, progress));
        response.EnsureSuccessStatusCode();
    }
}

// case: a minimal API using the Results.Stream callback overload that copies an ONNX model into the response stream — the callback writes the weights
public static class StreamCallbackEndpoint
{
    public static void Map(WebApplication app)
    {
        string modelPath = Path.Combine(app.Environment.ContentRootPath, "Models", "resnet50-v2-7.onnx");
        app.MapGet("/models/resnet50", () => Results.Stream(body => File.OpenRead(modelPath).CopyToAsync(body), "application/octet-stream")); // expect: LG2002
    }
}

// case: an installer payload zip updated with SharpZipLib's ZipFile.BeginUpdate/Add/CommitUpdate adding the pytorch_model.bin — an installer payload carrying weights
public static class InstallerPayloadBuilder
{
    public static void AddModel(string payloadZip, string modelDir)
    {
        using var zip = new ICSharpCode.SharpZipLib.Zip.ZipFile(payloadZip);
        zip.BeginUpdate();
        zip.Add(Path.Combine(modelDir, "pytorch_model.bin"), "app/model/pytorch_model.bin"); // expect: LG2002
        zip.CommitUpdate();
    }
}

// case: an HttpListener on the LAN that serves only config.json and tokenizer.json from the models folder after an allow-list check — configs, not weights
public sealed class ConfigOnlyListener(HttpListener listener)
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "config.json", "tokenizer.json" };

    public async Task ServeOnceAsync()
    {
        var ctx = await listener.GetContextAsync();
        string name = Path.GetFileName(ctx.Request.Url!.AbsolutePath);
        if (!Allowed.Contains(name)) { ctx.Response.StatusCode = 404; ctx.Response.Close(); return; }
        await using var fs = File.OpenRead(Path.Combine("models", "qwen2.5-0.5b", name));
        await fs.CopyToAsync(ctx.Response.OutputStream);
        ctx.Response.Close();
    }
}

// case: a GGUF downloaded over FTP into the LocalApplicationData model cache by copying the FTP response stream to a local file — a download into the cache
public static class FtpCacheDownloader
{
    public static void Fetch(string ftpUri)
    {
        string cacheDir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "MyChat", "models");
        Directory.CreateDirectory(cacheDir);
        var request = (FtpWebRequest)WebRequest.Create(ftpUri + "/gemma-2-2b-it.Q4_K_M.gguf");
        request.Method = WebRequestMethods.Ftp.DownloadFile;
        using var response = (FtpWebResponse)request.GetResponse();
        using var remote = response.GetResponseStream();
        using var local = File.Create(Path.Combine(cacheDir, "gemma-2-2b-it.Q4_K_M.gguf"));
        remote.CopyTo(local);
    }
}

// case: the nightly evaluation metrics.csv from a run's checkpoints folder mailed as an attachment — metrics next to checkpoints, not weights
public sealed class EvalReportMailer(SmtpClient smtp)
{
    public void Send(string runDir, string to)
    {
        string metrics = Path.Combine(runDir, "checkpoints", "metrics.csv");
        smtp.Send(new MailMessage("ml-builds@contoso.com", to, "Nightly eval", "Metrics attached.") { Attachments = { new Attachment(metrics, "text/csv") } });
    }
}

// case: a model's config.json copied server-side between S3 buckets with CopyObjectAsync — a config next to the weights
public sealed class ConfigPromoter(IAmazonS3 s3)
{
    public Task PromoteAsync(string version, CancellationToken ct) =>
        s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = "acme-training", SourceKey = $"runs/{version}/config.json", DestinationBucket = "acme-public-downloads", DestinationKey = $"models/{version}/config.json" }, ct);
}

// case: a freshly downloaded ONNX model swapped into place with File.Replace inside the LocalApplicationData cache, keeping a .bak — an atomic swap within the user's cache
public static class CacheModelSwapper
{
    public static void Swap()
    {
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Transcriber", "models");
        string current = Path.Combine(cache, "whisper-base.onnx");
        string partial = current + ".partial";
        File.Replace(partial, current, current + ".bak");
    }
}

// case: SftpClient.SynchronizeDirectories over a checkpoints folder restricted to *.log training logs — logs next to the checkpoints, not weights
public static class TrainingLogSync
{
    public static void Sync(SftpClient sftp, string runDir)
    {
        sftp.Connect();
        sftp.SynchronizeDirectories(Path.Combine(runDir, "checkpoints"), "/srv/dashboards/logs", "*.log");
    }
}
