using System.Buffers.Binary;
using System.Text;

namespace MlIntro.Core.Tests.Tracking;

/// <summary>
/// Reads TensorBoard event files independently of the writer: TFRecord framing checked with a bit-by-bit CRC-32C
/// (no table, so not the writer's code), and the Event protobuf decoded field by field
/// (tensorflow/core/util/event.proto, tensorflow/core/framework/summary.proto).
/// </summary>
internal static class TfRecordReader
{
    public sealed record Scalar(string Tag, long Step, float Value);

    public sealed record Event(double WallTime, long Step, string? FileVersion, IReadOnlyList<Scalar> Scalars, IReadOnlyList<(string Tag, string Plugin, byte[] Content)> Plugins);

    public static List<Event> Read(byte[] file)
    {
        var events = new List<Event>();
        var at = 0;
        while (at < file.Length)
        {
            var lengthBytes = file.AsSpan(at, 8);
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            Assert.Equal(Masked(lengthBytes), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 8, 4)));
            var data = file.AsSpan(at + 12, length);
            Assert.Equal(Masked(data), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 12 + length, 4)));
            events.Add(ParseEvent(data.ToArray()));
            at += 12 + length + 4;
        }
        Assert.Equal(file.Length, at);
        return events;
    }

    internal static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0x82F63B78u & (uint)-(int)(crc & 1));
            }
        }
        crc = ~crc;
        return unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u);
    }

    private static Event ParseEvent(byte[] data)
    {
        double wall = 0;
        long step = 0;
        string? version = null;
        var scalars = new List<Scalar>();
        var plugins = new List<(string, string, byte[])>();
        foreach (var (field, _, value, bytes) in Fields(data))
        {
            switch (field)
            {
                case 1: wall = BitConverter.Int64BitsToDouble((long)value); break;
                case 2: step = (long)value; break;
                case 3: version = Encoding.UTF8.GetString(bytes!); break;
                case 5:
                    foreach (var (f, _, _, v) in Fields(bytes!))
                    {
                        Assert.Equal(1, f); // Summary.value
                        string tag = "";
                        float? simple = null;
                        (string, byte[])? plugin = null;
                        foreach (var (vf, _, vv, vb) in Fields(v!))
                        {
                            if (vf == 1) tag = Encoding.UTF8.GetString(vb!);
                            else if (vf == 2) simple = BitConverter.Int32BitsToSingle((int)vv);
                            else if (vf == 9)
                            {
                                var pluginData = Fields(vb!).Single(m => m.Field == 1).Bytes!;
                                var name = Encoding.UTF8.GetString(Fields(pluginData).Single(m => m.Field == 1).Bytes!);
                                plugin = (name, Fields(pluginData).Single(m => m.Field == 2).Bytes!);
                            }
                        }
                        if (simple is { } s) scalars.Add(new Scalar(tag, step, s));
                        if (plugin is { } p) plugins.Add((tag, p.Item1, p.Item2));
                    }
                    break;
            }
        }
        // Step can come after the summary on the wire: fix the scalars' steps now.
        return new Event(wall, step, version, [.. scalars.Select(s => s with { Step = step })], plugins);
    }

    /// <summary>Every field of a message: number, wire type, the varint / fixed value, or the bytes of a length-delimited one.</summary>
    public static List<(int Field, int Wire, ulong Value, byte[]? Bytes)> Fields(byte[] data)
    {
        var fields = new List<(int, int, ulong, byte[]?)>();
        var i = 0;
        ulong Varint()
        {
            ulong result = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[i++];
                result |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return result;
            }
        }
        while (i < data.Length)
        {
            var key = Varint();
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            switch (wire)
            {
                case 0: fields.Add((field, wire, Varint(), null)); break;
                case 1: fields.Add((field, wire, BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(i, 8)), null)); i += 8; break;
                case 5: fields.Add((field, wire, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(i, 4)), null)); i += 4; break;
                case 2:
                    var length = (int)Varint();
                    fields.Add((field, wire, 0, data.AsSpan(i, length).ToArray()));
                    i += length;
                    break;
                default: throw new InvalidDataException($"wire type {wire}");
            }
        }
        return fields;
    }
}
