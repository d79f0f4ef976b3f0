using System.IO.Compression;
using System.Text;

namespace LicenseGuard.Gather.Tests;

/// <summary>Writes real-format weight headers (GGUF v2/v3, safetensors, ONNX protobuf, PyTorch zip…) for the reader tests.</summary>
internal static class WeightBytes
{
    public static byte[] Gguf(uint version, params (string Key, object Value)[] metadata)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(Encoding.ASCII.GetBytes("GGUF"));
        writer.Write(version);
        writer.Write(1UL); // tensor count
        writer.Write((ulong)metadata.Length);
        foreach (var (key, value) in metadata)
        {
            WriteString(writer, key);
            switch (value)
            {
                case string s: writer.Write(8u); WriteString(writer, s); break;
                case uint u: writer.Write(4u); writer.Write(u); break;
                case float f: writer.Write(6u); writer.Write(f); break;
                case bool b: writer.Write(7u); writer.Write(b ? (byte)1 : (byte)0); break;
                case ulong l: writer.Write(10u); writer.Write(l); break;
                case string[] strings:
                    writer.Write(9u); writer.Write(8u); writer.Write((ulong)strings.Length);
                    foreach (var item in strings)
                    {
                        WriteString(writer, item);
                    }

                    break;
                case float[] floats:
                    writer.Write(9u); writer.Write(6u); writer.Write((ulong)floats.Length);
                    foreach (var item in floats)
                    {
                        writer.Write(item);
                    }

                    break;
                default: throw new ArgumentException(value.GetType().Name);
            }
        }

        // One tensor info and a little tensor data, as a real file has after the metadata.
        WriteString(writer, "token_embd.weight");
        writer.Write(1u); writer.Write(4UL); writer.Write(0u); writer.Write(0UL);
        writer.Write(new byte[32]);
        return stream.ToArray();
    }

    public static byte[] Safetensors(string metadataJson)
    {
        string header = "{\"__metadata__\":" + metadataJson + ",\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        var headerBytes = Encoding.UTF8.GetBytes(header);
        return BitConverter.GetBytes((ulong)headerBytes.Length).Concat(headerBytes).Concat(new byte[8]).ToArray();
    }

    public static byte[] Onnx(params (string Key, string Value)[] metadata)
    {
        var bytes = new List<byte>();
        bytes.AddRange(new byte[] { 0x08, 0x08 });                     // ir_version = 8
        bytes.AddRange(Field(2, Encoding.UTF8.GetBytes("pytorch")));   // producer_name
        bytes.AddRange(Field(7, new byte[] { 0x0A, 0x01, 0x78 }));     // graph (opaque here)
        foreach (var (key, value) in metadata)
        {
            bytes.AddRange(Field(14, Field(1, Encoding.UTF8.GetBytes(key)).Concat(Field(2, Encoding.UTF8.GetBytes(value))).ToArray()));
        }

        return bytes.ToArray();
    }

    public static byte[] PyTorchZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in new[] { ("archive/data.pkl", new byte[] { 0x80, 0x02, (byte)'.' }), ("archive/version", Encoding.ASCII.GetBytes("3\n")), ("archive/data/0", new byte[16]) })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Field(int number, byte[] payload) =>
        Varint((ulong)(number << 3 | 2)).Concat(Varint((ulong)payload.Length)).Concat(payload).ToArray();

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return bytes.ToArray();
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }
}
