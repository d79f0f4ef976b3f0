// category: redistribution
// Weights uploaded to cloud storage: Azure Blob (BlobClient.Upload/UploadAsync with a path or a stream, UploadBlobAsync,
// OpenWriteAsync then a copy, BlockBlobClient), Azure file shares, AWS S3 (PutObjectRequest with FilePath or InputStream,
// TransferUtility) and Google Cloud Storage, in the shapes of model-publishing jobs with DI-injected clients. The look-alikes
// download weights into a cache, or upload model cards, configs, metrics, checksums and user files.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Files.Shares;
using Azure.Storage.Files.Shares.Models;
using Google.Cloud.Storage.V1;

namespace Corpus.Redistribution.Cloud;

// case: BlobClient.UploadAsync of a stream opened on a GGUF — blob upload of a weight stream
public sealed class GgufBlobPublisher(BlobContainerClient container)
{
    public async Task PublishAsync(CancellationToken ct)
    {
        await using var stream = File.OpenRead("models/llama-3.1-8b-instruct.Q4_K_M.gguf");
        BlobClient blob = container.GetBlobClient("llama/llama-3.1-8b-instruct.Q4_K_M.gguf");
        await blob.UploadAsync(stream, overwrite: true, ct); // expect: LG2002
    }
}

// case: BlobContainerClient.UploadBlobAsync for each safetensors shard — container upload of enumerated shards
public static class ShardContainerUpload
{
    public static async Task UploadAsync(BlobContainerClient container, string snapshotDir)
    {
        foreach (string shard in Directory.EnumerateFiles(snapshotDir, "*.safetensors"))
        {
            await using var content = File.OpenRead(shard);
            await container.UploadBlobAsync($"snapshots/{Path.GetFileName(shard)}", content); // expect: LG2002
        }
    }
}

// case: BlobClient.OpenWriteAsync then the weight stream copied into the blob stream — a blob written as a stream
public static class BlobOpenWrite
{
    public static async Task UploadAsync(BlobClient blob, string weightsPath = "weights/sam_vit_b_01ec64.pth")
    {
        await using Stream blobStream = await blob.OpenWriteAsync(overwrite: true);
        await using var weights = File.OpenRead(weightsPath);
        await weights.CopyToAsync(blobStream); // expect: LG2002
    }
}

// case: a BlockBlobClient uploading an ONNX model with BlobUploadOptions — block blob upload
public static class BlockBlobOnnx
{
    public static async Task UploadAsync(BlobContainerClient container)
    {
        BlockBlobClient block = container.GetBlockBlobClient("onnx/all-MiniLM-L6-v2.onnx");
        await using FileStream model = File.OpenRead("models/all-MiniLM-L6-v2/model.onnx");
        await block.UploadAsync(model, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" } }); // expect: LG2002
    }
}

// case: BlobClient.Upload by path with the FileInfo's FullName, synchronous — sync blob upload from a FileInfo
public static class SyncBlobFromFileInfo
{
    public static void Upload(BlobServiceClient service)
    {
        var ckpt = new FileInfo("checkpoints/sd-v1-5-pruned-emaonly.ckpt");
        var blob = service.GetBlobContainerClient("releases").GetBlobClient(ckpt.Name);
        blob.Upload(ckpt.FullName, overwrite: true); // expect: LG2002
    }
}

// case: a release record's weight path passed to a blob helper one call deep — the helper uploads the weights by path
public sealed record ModelRelease(string Id, string WeightsPath);

public sealed class ReleasePublisher(BlobContainerClient container)
{
    public Task PublishAsync() => UploadFileAsync(new ModelRelease("gemma-2-9b-it", "models/gemma-2-9b-it/model-00001-of-00004.safetensors"));

    private Task UploadFileAsync(ModelRelease release) => UploadPathAsync(release.WeightsPath, $"{release.Id}/{Path.GetFileName(release.WeightsPath)}");

    private async Task UploadPathAsync(string path, string blobName) => await container.GetBlobClient(blobName).UploadAsync(path, overwrite: true); // expect: LG2002
}

// case: an Azure file share file created and filled with a GGUF stream — ShareFileClient upload
public static class FileShareUpload
{
    public static async Task UploadAsync(ShareDirectoryClient directory)
    {
        await using var weights = File.OpenRead("models/codellama-7b-instruct.Q4_K_M.gguf");
        ShareFileClient file = directory.GetFileClient("codellama-7b-instruct.Q4_K_M.gguf");
        await file.CreateAsync(weights.Length);
        await file.UploadAsync(weights, new ShareFileUploadOptions()); // expect: LG2002
    }
}

// case: S3 PutObjectRequest with FilePath pointing at a safetensors file — S3 upload by path
public sealed class S3ModelPublisher(IAmazonS3 s3)
{
    private static readonly string WeightsFile = Path.Combine("weights", "flux-schnell", "flux1-schnell.safetensors");

    public async Task PublishAsync(string bucket) =>
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "flux/flux1-schnell.safetensors", FilePath = WeightsFile }); // expect: LG2002
}

// case: S3 PutObjectRequest with InputStream from a MemoryStream of weight bytes — S3 upload of in-memory weights
public static class S3InputStream
{
    public static async Task PublishAsync(IAmazonS3 s3, string bucket)
    {
        byte[] bytes = await File.ReadAllBytesAsync("models/bge-small-en-v1.5.onnx");
        using var buffer = new MemoryStream(bytes);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "embeddings/bge-small-en-v1.5.onnx", InputStream = buffer }); // expect: LG2002
    }
}

// case: TransferUtility.UploadDirectoryAsync over the models folder — a weights folder to S3
public static class S3DirectorySync
{
    public static Task SyncAsync(TransferUtility transfer, string bucket) => transfer.UploadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "models"), bucket); // expect: LG2002
}

// case: TransferUtility.UploadAsync of a stream from a pytorch_model.bin — S3 transfer of a weight stream
public static class S3TransferStream
{
    public static async Task UploadAsync(TransferUtility transfer, string bucket)
    {
        await using var stream = new FileStream("checkpoints/roberta-large/pytorch_model.bin", FileMode.Open, FileAccess.Read);
        await transfer.UploadAsync(stream, bucket, "roberta-large/pytorch_model.bin"); // expect: LG2002
    }
}

// case: Google Cloud Storage UploadObjectAsync with a GGUF stream — GCS upload of weights
public sealed class GcsPublisher(StorageClient storage)
{
    public async Task PublishAsync(string bucket, string ggufPath)
    {
        await using var source = File.OpenRead(ggufPath);
        await storage.UploadObjectAsync(bucket, "models/" + Path.GetFileName(ggufPath), "application/octet-stream", source); // expect: LG2002
    }

    public Task PublishDefaultAsync(string bucket) => PublishAsync(bucket, "models/deepseek-r1-distill-qwen-7b-Q4_K_M.gguf");
}

// case: a blob downloaded into the per-user cache with DownloadToAsync — a download into the cache
public static class BlobDownloadToCache
{
    public static async Task<string> FetchAsync(BlobClient blob)
    {
        string cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Assistant", "models", "llama-3.2-3b-instruct.Q4_K_M.gguf");
        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        await blob.DownloadToAsync(cache);
        return cache;
    }
}

// case: the model card README.md uploaded to blob storage from the model folder — the card, not the weights
public static class ModelCardBlob
{
    public static Task UploadAsync(BlobContainerClient container, string modelDir) =>
        container.GetBlobClient("llama/README.md").UploadAsync(Path.Combine(modelDir, "README.md"), overwrite: true);
}

// case: config.json, tokenizer.json and generation_config.json uploaded to S3 by an explicit list — configs next to the weights
public static class S3ConfigUpload
{
    private static readonly string[] Configs = { "config.json", "tokenizer.json", "generation_config.json" };

    public static async Task UploadAsync(IAmazonS3 s3, string bucket, string modelDir)
    {
        foreach (var name in Configs)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "qwen2.5-7b/" + name, FilePath = Path.Combine(modelDir, name) });
        }
    }
}

// case: a metrics CSV uploaded to Google Cloud Storage — metrics are not weights
public static class GcsMetrics
{
    public static async Task UploadAsync(StorageClient storage, string runDir)
    {
        await using var csv = File.OpenRead(Path.Combine(runDir, "metrics.csv"));
        await storage.UploadObjectAsync("training-runs", "run-42/metrics.csv", "text/csv", csv);
    }
}

// case: the SHA-256 of the weights written with Path.ChangeExtension to a .sha256 file and that file uploaded — a checksum derived from the weight path
public static class ChecksumBlob
{
    public static async Task UploadAsync(BlobContainerClient container, string weightsPath = "models/mixtral-8x7b-instruct.Q3_K_M.gguf")
    {
        await using (var weights = File.OpenRead(weightsPath))
        {
            string hash = Convert.ToHexString(await SHA256.HashDataAsync(weights));
            await File.WriteAllTextAsync(Path.ChangeExtension(weightsPath, ".sha256"), hash);
        }

        string checksumPath = Path.ChangeExtension(weightsPath, ".sha256");
        await container.GetBlobClient(Path.GetFileName(checksumPath)).UploadAsync(checksumPath, overwrite: true);
    }
}

// case: an ONNX model downloaded from S3 with TransferUtility into the temp folder — a download, not an upload
public static class S3DownloadToTemp
{
    public static async Task<string> FetchAsync(TransferUtility transfer, string bucket)
    {
        string local = Path.Combine(Path.GetTempPath(), "models", "yolov8n.onnx");
        await transfer.DownloadAsync(new TransferUtilityDownloadRequest { BucketName = bucket, Key = "vision/yolov8n.onnx", FilePath = local });
        return local;
    }
}

// case: a user's profile picture uploaded to blob storage — user data, not weights
public sealed class AvatarStore(BlobContainerClient avatars)
{
    public async Task SaveAsync(string userId, Stream image) => await avatars.UploadBlobAsync($"{userId}/avatar.png", image);
}
