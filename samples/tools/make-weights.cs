// Writes the tiny weight files of samples/WeightsShipper: real GGUF v3 and ONNX headers with the metadata real models carry,
// a few bytes of tensor data, never a real model. Run: dotnet run samples/tools/make-weights.cs -- samples/WeightsShipper
using System.Text;

string root = args.Length > 0 ? args[0] : "WeightsShipper";
WriteGguf(Path.Combine(root, "models", "llama", "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf"),
    ("general.architecture", "llama"),
    ("general.name", "Meta-Llama-3.1-8B-Instruct"),
    ("general.license", "llama3.1"),
    ("general.license.name", "Llama 3.1 Community License"),
    ("general.source.url", "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct"));
WriteGguf(Path.Combine(root, "models", "draft", "experimental.gguf"), ("general.architecture", "llama"), ("general.license", "cc-by-nc-4.0"));
WriteOnnx(Path.Combine(root, "models", "minilm", "all-MiniLM-L6-v2.onnx"));
Console.WriteLine($"Wrote the sample weights under {Path.Combine(root, "models")}.");

static void WriteGguf(string path, params (string Key, string Value)[] metadata)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    using var writer = new BinaryWriter(File.Create(path));
    writer.Write(Encoding.ASCII.GetBytes("GGUF"));
    writer.Write(3u);
    writer.Write(1UL);
    writer.Write((ulong)metadata.Length);
    foreach (var (key, value) in metadata)
    {
        WriteString(writer, key);
        writer.Write(8u);
        WriteString(writer, value);
    }

    WriteString(writer, "token_embd.weight");
    writer.Write(1u);
    writer.Write(4UL);
    writer.Write(0u);
    writer.Write(0UL);
    writer.Write(new byte[32]);
}

static void WriteOnnx(string path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var bytes = new List<byte> { 0x08, 0x08 };
    bytes.AddRange(Field(2, Encoding.UTF8.GetBytes("pytorch")));
    bytes.AddRange(Field(7, new byte[] { 0x0A, 0x01, 0x78 }));
    File.WriteAllBytes(path, bytes.ToArray());
}

static byte[] Field(int number, byte[] payload) => new[] { (byte)(number << 3 | 2), (byte)payload.Length }.Concat(payload).ToArray();

static void WriteString(BinaryWriter writer, string value)
{
    var bytes = Encoding.UTF8.GetBytes(value);
    writer.Write((ulong)bytes.Length);
    writer.Write(bytes);
}
