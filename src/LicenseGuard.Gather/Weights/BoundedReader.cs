using System;
using System.IO;
using System.Text;

namespace LicenseGuard.Gather.Weights
{
    /// <summary>Thrown when a header is truncated or declares sizes past the reader's bounds.</summary>
    internal sealed class HeaderException : Exception
    {
        public HeaderException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Reads little-endian values from a stream with a hard budget of bytes: no header can make LicenseGuard read more than
    /// the budget, allocate more than the largest allowed string, or loop past the declared counts.
    /// </summary>
    internal sealed class BoundedReader
    {
        private readonly Stream stream;
        private readonly long budget;
        private readonly byte[] scratch = new byte[8];

        public BoundedReader(Stream stream, long budget)
        {
            this.stream = stream;
            this.budget = budget;
        }

        public long Consumed { get; private set; }

        public long Remaining => stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;

        public byte[] Bytes(int count)
        {
            Charge(count);
            var buffer = new byte[count];
            Fill(buffer, count);
            return buffer;
        }

        public uint UInt32()
        {
            Charge(4);
            Fill(scratch, 4);
            return BitConverter.ToUInt32(scratch, 0);
        }

        public ulong UInt64()
        {
            Charge(8);
            Fill(scratch, 8);
            return BitConverter.ToUInt64(scratch, 0);
        }

        public byte Byte()
        {
            Charge(1);
            int b = stream.ReadByte();
            if (b < 0)
            {
                throw new HeaderException("the file ends inside its header");
            }

            return (byte)b;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                byte b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            throw new HeaderException("a varint is longer than 10 bytes");
        }

        public string Utf8(ulong length, int maxLength)
        {
            if (length > (ulong)maxLength)
            {
                throw new HeaderException($"a string declares {length} bytes, more than the {maxLength} allowed");
            }

            return Encoding.UTF8.GetString(Bytes((int)length));
        }

        /// <summary>Skips bytes by seeking (not reading), so skipped data does not count against the budget.</summary>
        public void Skip(ulong count)
        {
            if (count > (ulong)Remaining)
            {
                throw new HeaderException("a length points past the end of the file");
            }

            if (stream.CanSeek)
            {
                stream.Seek((long)count, SeekOrigin.Current);
            }
            else
            {
                Bytes((int)Math.Min(count, int.MaxValue));
            }
        }

        private void Charge(long count)
        {
            if (count > Remaining)
            {
                throw new HeaderException("the file ends inside its header");
            }

            Consumed += count;
            if (Consumed > budget)
            {
                throw new BudgetException();
            }
        }

        private void Fill(byte[] buffer, int count)
        {
            int read = 0;
            while (read < count)
            {
                int n = stream.Read(buffer, read, count - read);
                if (n == 0)
                {
                    throw new HeaderException("the file ends inside its header");
                }

                read += n;
            }
        }
    }

    /// <summary>The header is larger than LicenseGuard reads; what was read so far stands.</summary>
    internal sealed class BudgetException : Exception
    {
    }
}
