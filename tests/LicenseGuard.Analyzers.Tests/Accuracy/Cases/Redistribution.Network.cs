// category: redistribution
// Weights sent over the network: HttpClient uploads with StreamContent, ByteArrayContent and ReadOnlyMemoryContent (alone and
// inside MultipartFormDataContent), raw sockets and NetworkStream, Socket.SendFile, SSH.NET SFTP/SCP uploads and
// WebClient.UploadFile, in the shapes of model-registry clients and edge-device deployers. The look-alikes download weights into
// a cache, or upload model cards, metrics, checksums and hashes.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Renci.SshNet;

namespace Corpus.Redistribution.Network;

// case: a GGUF posted to a model registry inside MultipartFormDataContent with a StreamContent part — multipart upload of weights
public sealed class RegistryUploader(HttpClient http)
{
    public async Task<HttpResponseMessage> PushAsync(string modelPath = "models/mistral-7b-instruct-v0.3.Q5_K_M.gguf")
    {
        using var form = new MultipartFormDataContent();
        await using FileStream weights = File.OpenRead(modelPath);
        form.Add(new StreamContent(weights), "file", Path.GetFileName(modelPath)); // expect: LG2002
        form.Add(new StringContent("mistral-7b-instruct"), "name");
        return await http.PostAsync("https://registry.internal.example.com/api/models", form);
    }
}

// case: safetensors bytes read with ReadAllBytesAsync and PUT with ByteArrayContent — a byte array of weights sent
public static class ByteArrayPut
{
    public static async Task PutAsync(HttpClient http, Uri target)
    {
        byte[] bytes = await File.ReadAllBytesAsync("weights/sdxl-turbo/unet/diffusion_pytorch_model.safetensors");
        using var content = new ByteArrayContent(bytes); // expect: LG2002
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.PutAsync(target, content);
        response.EnsureSuccessStatusCode();
    }
}

// case: a shard held as ReadOnlyMemory<byte> sent with ReadOnlyMemoryContent — memory content of weights
public static class MemoryContentUpload
{
    public static async Task SendAsync(HttpClient http, string shardPath = "model-00001-of-00004.safetensors")
    {
        ReadOnlyMemory<byte> shard = await File.ReadAllBytesAsync(shardPath);
        var content = new ReadOnlyMemoryContent(shard); // expect: LG2002
        await http.PostAsync("https://mirror.example.org/upload/" + Path.GetFileName(shardPath), content);
    }
}

// case: FileInfo.OpenRead of an ONNX model sent by a primary-constructor client from options — options, FileInfo and StreamContent
public sealed class EdgeDeployOptions
{
    public string ModelFile { get; init; } = "models/yolov8s.onnx";

    public Uri DeviceEndpoint { get; init; } = new("http://10.0.0.42:8080/model");
}

public sealed class EdgeDeployer(HttpClient http, IOptions<EdgeDeployOptions> options)
{
    public async Task DeployAsync(CancellationToken ct)
    {
        var file = new FileInfo(options.Value.ModelFile);
        await using var stream = file.OpenRead();
        var content = new StreamContent(stream); // expect: LG2002
        content.Headers.ContentLength = file.Length;
        (await http.PutAsync(options.Value.DeviceEndpoint, content, ct)).EnsureSuccessStatusCode();
    }
}

// case: a GGUF copied into a TcpClient's NetworkStream — weights over a raw socket
public static class TcpPush
{
    public static async Task PushAsync(string host, int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        NetworkStream network = client.GetStream();
        await using var weights = File.OpenRead("models/llama-3.2-1b-instruct.Q8_0.gguf");
        await weights.CopyToAsync(network); // expect: LG2002
    }
}

// case: Socket.SendFile with a weight path — the OS sends the file
public static class SocketSendFile
{
    public static void Send(Socket socket) => socket.SendFile("weights/vits-ljspeech.pth"); // expect: LG2002
}

// case: SSH.NET SftpClient.UploadFile of a weight stream to an edge box — SFTP upload
public static class SftpDeploy
{
    public static void Deploy(string host, string user, string password)
    {
        using var sftp = new SftpClient(host, user, password);
        sftp.Connect();
        using FileStream weights = File.OpenRead("models/whisper-base.en.bin");
        sftp.UploadFile(weights, "/opt/asr/models/ggml-base.en.bin"); // expect: LG2002
        sftp.Disconnect();
    }
}

// case: ScpClient.Upload of a FileInfo for a tflite model — SCP upload of a file
public static class ScpTflite
{
    public static void Upload(ScpClient scp)
    {
        var model = new FileInfo("models/efficientdet_lite0.tflite");
        scp.Upload(model, "/home/pi/detector/" + model.Name); // expect: LG2002
    }
}

// case: ScpClient.Upload of the whole checkpoints DirectoryInfo — SCP upload of a weights folder
public static class ScpCheckpoints
{
    public static void Upload(ConnectionInfo connection)
    {
        using var scp = new ScpClient(connection);
        scp.Connect();
        scp.Upload(new DirectoryInfo("checkpoints"), "/srv/training/checkpoints"); // expect: LG2002
    }
}

// case: WebClient.UploadFile with a pytorch_model.bin path — the legacy client uploads weights
public static class LegacyUpload
{
#pragma warning disable SYSLIB0014
    public static byte[] Upload(string url)
    {
        using var client = new WebClient();
        return client.UploadFile(url, "checkpoints/distilbert/pytorch_model.bin"); // expect: LG2002
    }
#pragma warning restore SYSLIB0014
}

// case: every GGUF of a folder uploaded over SFTP by an async local function — SFTP in a loop with a helper
public static class SftpFleetSync
{
    public static async Task SyncAsync(SftpClient sftp, string modelDir, CancellationToken ct)
    {
        foreach (var gguf in Directory.EnumerateFiles(modelDir, "*.gguf"))
        {
            await UploadOneAsync(gguf);
        }

        async Task UploadOneAsync(string localPath)
        {
            await using var input = File.OpenRead(localPath);
            await sftp.UploadFileAsync(input, "/models/" + Path.GetFileName(localPath), ct); // expect: LG2002
        }
    }
}

// case: an HTTP GET of a GGUF written into the per-user cache folder — a download, not redistribution
public static class DownloadToUserCache
{
    public static async Task<string> DownloadAsync(HttpClient http, CancellationToken ct)
    {
        string cacheDir = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "LocalChat", "models");
        Directory.CreateDirectory(cacheDir);
        string target = Path.Combine(cacheDir, "phi-3.5-mini-instruct-Q4_K_M.gguf");
        await using Stream remote = await http.GetStreamAsync("https://models.example.com/bartowski/Phi-3.5-mini-instruct-GGUF/Phi-3.5-mini-instruct-Q4_K_M.gguf", ct);
        await using FileStream local = File.Create(target);
        await remote.CopyToAsync(local, ct);
        return target;
    }
}

// case: a download into a temp file then moved into ~/.cache/huggingface — a move within the user's cache and temp folders
public static class TempThenHfCache
{
    public static async Task DownloadAsync(HttpClient http, Uri source, string fileName)
    {
        string temp = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".partial");
        await using (var remote = await http.GetStreamAsync(source))
        await using (var local = File.Create(temp))
        {
            await remote.CopyToAsync(local);
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string cached = Path.Combine(home, ".cache", "huggingface", "hub", fileName);
        File.Move(temp, cached, overwrite: true);
    }
}

// case: training metrics posted as JSON inside multipart form data — metrics are not weights
public static class MetricsUpload
{
    public static async Task PostAsync(HttpClient http, string runDir)
    {
        using var form = new MultipartFormDataContent();
        await using var metrics = File.OpenRead(Path.Combine(runDir, "metrics.json"));
        form.Add(new StreamContent(metrics), "metrics", "metrics.json");
        await http.PostAsync("https://tracking.example.com/api/runs", form);
    }
}

// case: the model card README.md uploaded with StreamContent from the model folder — the card next to the weights
public static class ModelCardPut
{
    public static async Task PutAsync(HttpClient http, string modelDir)
    {
        await using var card = File.OpenRead(Path.Combine(modelDir, "README.md"));
        using var content = new StreamContent(card);
        await http.PutAsync("https://registry.internal.example.com/api/models/card", content);
    }
}

// case: the .sha256 file beside a GGUF uploaded over SFTP — a checksum named after the weights
public static class ChecksumSftp
{
    public static void Upload(SftpClient sftp, string ggufPath)
    {
        using var checksum = File.OpenRead(ggufPath + ".sha256");
        sftp.UploadFile(checksum, "/models/" + Path.GetFileName(ggufPath) + ".sha256");
    }
}

// case: a GGUF downloaded over SFTP into the local cache — a download, not an upload
public static class SftpDownloadToCache
{
    public static void Download(SftpClient sftp)
    {
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "EdgeAgent", "models", "qwen2.5-0.5b-instruct-q8_0.gguf");
        using var local = File.Create(cache);
        sftp.DownloadFile("/models/qwen2.5-0.5b-instruct-q8_0.gguf", local);
    }
}

// case: the SHA-256 of the weights reported to the registry as a StringContent — a hash, not the weights
public static class HashReport
{
    public static async Task ReportAsync(HttpClient http)
    {
        await using var weights = File.OpenRead("models/mistral-7b-instruct-v0.3.Q5_K_M.gguf");
        string hash = Convert.ToHexString(await SHA256.HashDataAsync(weights));
        var body = new StringContent(JsonSerializer.Serialize(new { file = "mistral-7b-instruct-v0.3.Q5_K_M.gguf", sha256 = hash }), Encoding.UTF8, "application/json");
        await http.PostAsync("https://registry.internal.example.com/api/checksums", body);
    }
}
