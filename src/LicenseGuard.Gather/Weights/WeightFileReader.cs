using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using LicenseGuard.Json;
using LicenseGuard.Matching;

namespace LicenseGuard.Gather.Weights
{
    /// <summary>
    /// Decides by content whether a file holds model weights and reads the licence facts its header carries. Only headers are
    /// read (at most <see cref="HeaderBudget"/> bytes, whatever the file's size); every length and count is bounded, and a
    /// malformed header gives a <see cref="WeightFileFacts.Problem"/>, never an exception.
    /// </summary>
    public static class WeightFileReader
    {
        /// <summary>The most header bytes read from one file.</summary>
        public const long HeaderBudget = 16 * 1024 * 1024;

        private const int MaxKeyLength = 64 * 1024;
        private const int MaxStringLength = 1024 * 1024;
        private const ulong MaxKeyValueCount = 1_000_000;
        private const ulong MaxArrayCount = 100_000_000;

        private static readonly HashSet<string> PickleExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".pt", ".pth", ".bin", ".ckpt", ".pkl", ".pickle" };

        /// <summary>Inspects a file; null when it is not model weights (or not a file).</summary>
        public static WeightFileFacts? Inspect(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.RandomAccess);
                return Inspect(stream, path);
            }
            catch (IOException e)
            {
                return IsWeightExtension(path) ? new WeightFileFacts { Path = path, Format = "possible", Problem = "unreadable: " + e.Message } : null;
            }
            catch (UnauthorizedAccessException e)
            {
                return IsWeightExtension(path) ? new WeightFileFacts { Path = path, Format = "possible", Problem = "unreadable: " + e.Message } : null;
            }
        }

        /// <summary>Inspects a seekable stream whose name is <paramref name="path"/>.</summary>
        public static WeightFileFacts? Inspect(Stream stream, string path)
        {
            var facts = new WeightFileFacts { Path = path, Size = stream.Length };
            var head = new byte[16];
            int headLength = stream.Read(head, 0, head.Length);
            stream.Position = 0;
            string extension = Path.GetExtension(path);
            var reader = new BoundedReader(stream, HeaderBudget);
            try
            {
                if (headLength >= 4 && head[0] == 'G' && head[1] == 'G' && head[2] == 'U' && head[3] == 'F')
                {
                    facts.Format = "gguf";
                    ReadGguf(reader, facts);
                }
                else if (headLength >= 4 && IsGgmlMagic(BitConverter.ToUInt32(head, 0)))
                {
                    facts.Format = "ggml";
                }
                else if (headLength >= 8 && head.Take(8).SequenceEqual(new byte[] { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0D, 0x0A, 0x1A, 0x0A }))
                {
                    facts.Format = "hdf5";
                }
                else if (headLength >= 8 && head[4] == 'T' && head[5] == 'F' && head[6] == 'L' && head[7] == '3')
                {
                    facts.Format = "tflite";
                }
                else if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
                {
                    bool pytorch = IsPyTorchZip(stream);
                    if (!pytorch && !IsWeightExtension(path))
                    {
                        return null;
                    }

                    facts.Format = pytorch ? "pytorch-zip" : "possible";
                    facts.Problem = pytorch ? null : "a zip archive without PyTorch's data.pkl, or an unreadable one";
                }
                else if (headLength >= 2 && head[0] == 0x80 && head[1] >= 2 && head[1] <= 5 && PickleExtensions.Contains(extension))
                {
                    facts.Format = "pickle";
                }
                else if (headLength >= 9 && LooksLikeSafetensors(head, stream.Length))
                {
                    facts.Format = "safetensors";
                    ReadSafetensors(reader, facts);
                }
                else if (headLength >= 2 && head[0] == 0x08 && ".mlmodel".Equals(extension, StringComparison.OrdinalIgnoreCase))
                {
                    // Core ML: a protobuf Model whose field 1 is the specification version.
                    facts.Format = "coreml";
                }
                else if (headLength >= 2 && head[0] == 0x08 && TryReadOnnx(stream, facts))
                {
                    facts.Format = "onnx";
                }
                else if (IsWeightExtension(path))
                {
                    facts.Format = "possible";
                    facts.Problem = stream.Length == 0 ? "the file is empty" : $"no recognisable {extension} header";
                }
                else
                {
                    return null;
                }
            }
            catch (HeaderException e)
            {
                facts.Problem = "unreadable header: " + e.Message;
            }
            catch (BudgetException)
            {
                facts.Problem = $"header larger than {HeaderBudget / (1024 * 1024)} MiB; facts come from its first part";
            }
            catch (InvalidDataException e)
            {
                facts.Problem = "unreadable archive: " + e.Message;
            }

            facts.BytesRead = Math.Max(reader.Consumed, headLength);
            return facts;
        }

        /// <summary>Returns whether a file name has an extension used for model weights.</summary>
        public static bool IsWeightExtension(string path) => WeightFileNames.HasWeightExtension(path);

        private static bool IsGgmlMagic(uint magic) => magic == 0x67676d6c || magic == 0x67676d66 || magic == 0x67676a74;

        private static void ReadGguf(BoundedReader reader, WeightFileFacts facts)
        {
            reader.Bytes(4);
            uint version = reader.UInt32();
            if (version < 1 || version > 3)
            {
                throw new HeaderException($"GGUF version {version} is not supported");
            }

            facts.Metadata["gguf.version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            ulong tensorCount = version == 1 ? reader.UInt32() : reader.UInt64();
            ulong kvCount = version == 1 ? reader.UInt32() : reader.UInt64();
            if (kvCount > MaxKeyValueCount || tensorCount > MaxArrayCount)
            {
                throw new HeaderException($"implausible counts ({tensorCount} tensors, {kvCount} keys)");
            }

            for (ulong i = 0; i < kvCount; i++)
            {
                string key = reader.Utf8(version == 1 ? reader.UInt32() : reader.UInt64(), MaxKeyLength);
                uint type = reader.UInt32();
                string? value = ReadGgufValue(reader, type, version, depth: 0);
                if (value != null && key.StartsWith("general.", StringComparison.Ordinal))
                {
                    facts.Metadata[key] = value;
                }
            }
        }

        /// <summary>Reads or skips one GGUF value; returns strings and integers as text, skips arrays.</summary>
        private static string? ReadGgufValue(BoundedReader reader, uint type, uint version, int depth)
        {
            switch (type)
            {
                case 0: return reader.Byte().ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 1: return ((sbyte)reader.Byte()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 7: return reader.Byte() != 0 ? "true" : "false";
                case 2: case 3: reader.Bytes(2); return null;
                case 4: return reader.UInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 5: return ((int)reader.UInt32()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 6: reader.UInt32(); return null;
                case 10: return reader.UInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 11: return ((long)reader.UInt64()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                case 12: reader.UInt64(); return null;
                case 8: return reader.Utf8(version == 1 ? reader.UInt32() : reader.UInt64(), MaxStringLength);
                case 9:
                    if (depth > 2)
                    {
                        throw new HeaderException("arrays nested too deeply");
                    }

                    uint elementType = reader.UInt32();
                    ulong count = version == 1 ? reader.UInt32() : reader.UInt64();
                    if (count > MaxArrayCount)
                    {
                        throw new HeaderException($"an array declares {count} elements");
                    }

                    int size = FixedSize(elementType);
                    if (size > 0)
                    {
                        reader.Skip(count * (ulong)size);
                        return null;
                    }

                    for (ulong i = 0; i < count; i++)
                    {
                        if (elementType == 8)
                        {
                            ulong length = version == 1 ? reader.UInt32() : reader.UInt64();
                            if (length > MaxStringLength)
                            {
                                throw new HeaderException($"an array string declares {length} bytes");
                            }

                            reader.Skip(length);
                        }
                        else
                        {
                            ReadGgufValue(reader, elementType, version, depth + 1);
                        }
                    }

                    return null;
                default:
                    throw new HeaderException($"unknown GGUF value type {type}");
            }
        }

        private static int FixedSize(uint type) => type switch
        {
            0 or 1 or 7 => 1,
            2 or 3 => 2,
            4 or 5 or 6 => 4,
            10 or 11 or 12 => 8,
            _ => 0,
        };

        private static bool LooksLikeSafetensors(byte[] head, long fileLength)
        {
            ulong headerLength = BitConverter.ToUInt64(head, 0);
            return headerLength >= 2 && headerLength <= 100 * 1024 * 1024 && (long)headerLength <= fileLength - 8 && head[8] == '{';
        }

        private static void ReadSafetensors(BoundedReader reader, WeightFileFacts facts)
        {
            ulong headerLength = reader.UInt64();
            string json = reader.Utf8(headerLength, (int)HeaderBudget);
            JsonNode root;
            try
            {
                root = JsonReader.Parse(facts.Path, json);
            }
            catch (JsonParseException e)
            {
                throw new HeaderException("the JSON header is malformed: " + e.Message);
            }

            foreach (var entry in root.Find("__metadata__")?.Value.Properties ?? Array.Empty<JsonProperty>())
            {
                if (entry.Value.Kind == JsonKind.String)
                {
                    facts.Metadata[entry.Name] = entry.Value.Text!;
                }
            }
        }

        /// <summary>Walks the top-level fields of an ONNX ModelProto, skipping the graph, keeping names and metadata_props.</summary>
        private static bool TryReadOnnx(Stream stream, WeightFileFacts facts)
        {
            stream.Position = 0;
            var reader = new BoundedReader(stream, HeaderBudget);
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            bool sawGraph = false;
            try
            {
                while (reader.Remaining > 0)
                {
                    ulong tag = reader.Varint();
                    int field = (int)(tag >> 3);
                    int wire = (int)(tag & 7);
                    if (field == 1 && wire == 0)
                    {
                        ulong irVersion = reader.Varint();
                        if (irVersion == 0 || irVersion > 20)
                        {
                            return false;
                        }

                        found["onnx.ir_version"] = irVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                    else if (wire == 2)
                    {
                        ulong length = reader.Varint();
                        switch (field)
                        {
                            case 2: found["producer_name"] = reader.Utf8(length, MaxStringLength); break;
                            case 4: found["domain"] = reader.Utf8(length, MaxStringLength); break;
                            case 6: found["doc_string"] = reader.Utf8(length, MaxStringLength); break;
                            case 14:
                                var entry = new BoundedReader(new MemoryStream(reader.Bytes((int)Math.Min(length, MaxStringLength))), MaxStringLength);
                                string? key = null, value = null;
                                while (entry.Remaining > 0)
                                {
                                    ulong entryTag = entry.Varint();
                                    ulong entryLength = entry.Varint();
                                    string text = entry.Utf8(entryLength, MaxStringLength);
                                    if (entryTag >> 3 == 1)
                                    {
                                        key = text;
                                    }
                                    else if (entryTag >> 3 == 2)
                                    {
                                        value = text;
                                    }
                                }

                                if (key != null && value != null)
                                {
                                    found[key] = value;
                                }

                                break;
                            default:
                                if (field == 7)
                                {
                                    sawGraph = true;
                                }

                                reader.Skip(length);
                                break;
                        }
                    }
                    else if (wire == 0)
                    {
                        reader.Varint();
                    }
                    else if (wire == 1)
                    {
                        reader.Skip(8);
                    }
                    else if (wire == 5)
                    {
                        reader.Skip(4);
                    }
                    else
                    {
                        return false;
                    }

                    if (field == 0 || field > 100)
                    {
                        return false;
                    }
                }
            }
            catch (HeaderException)
            {
                if (!".onnx".Equals(Path.GetExtension(facts.Path), StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                facts.Problem = "unreadable ONNX header";
            }
            catch (BudgetException)
            {
                facts.Problem = "ONNX header larger than the read budget";
            }

            if (!sawGraph && !found.ContainsKey("onnx.ir_version"))
            {
                return false;
            }

            foreach (var pair in found)
            {
                facts.Metadata[pair.Key] = pair.Value;
            }

            return true;
        }

        private static bool IsPyTorchZip(Stream stream)
        {
            stream.Position = 0;
            try
            {
                using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                int checkedEntries = 0;
                foreach (var entry in archive.Entries)
                {
                    if (entry.FullName.EndsWith("data.pkl", StringComparison.Ordinal) || entry.FullName.EndsWith("/version", StringComparison.Ordinal) && entry.FullName.StartsWith("archive/", StringComparison.Ordinal))
                    {
                        return true;
                    }

                    if (++checkedEntries > 10_000)
                    {
                        break;
                    }
                }
            }
            catch (InvalidDataException)
            {
                return false;
            }
            finally
            {
                stream.Position = 0;
            }

            return false;
        }
    }
}
