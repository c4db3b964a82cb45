using System.Buffers.Binary;
using System.Text;

namespace MlIntro.Core.Tracking;

/// <summary>
/// Writes TensorBoard event files (<c>events.out.tfevents.*</c>) by hand: TFRecord framing (length, masked CRC-32C of
/// the length, the record, masked CRC-32C of the record) around <c>tensorflow.Event</c> protobufs, so that
/// <c>tensorboard --logdir</c> shows a run's scalars. TorchSharp's SummaryWriter writes scalars too, but it needs a
/// folder on disk and has no call for the HParams plugin's summaries, which a study needs (<see cref="HParamsRecords"/>).
/// </summary>
public sealed class TensorBoardWriter(Stream output)
{
    /// <summary>The first record of every event file.</summary>
    public void FileVersion(double wallTime) =>
        Record(Event(wallTime, 0, w => w.Text(3, "brain.Event:2")));

    /// <summary>One scalar (<c>Summary.Value.simple_value</c>) under <paramref name="tag"/> at <paramref name="step"/>.</summary>
    public void Scalar(string tag, long step, double value, double wallTime) =>
        Record(Event(wallTime, step, w => w.Message(5, summary => summary.Message(1, v =>
        {
            v.Text(1, tag);
            v.Fixed32(2, (float)value);
        }))));

    /// <summary>A summary value carrying a plugin's data (the HParams plugin's session records).</summary>
    public void PluginSummary(string tag, string plugin, byte[] content, double wallTime) =>
        Record(Event(wallTime, 0, w => w.Message(5, summary => summary.Message(1, v =>
        {
            v.Text(1, tag);
            // SummaryMetadata { plugin_data = 1 { plugin_name = 1, content = 2 } } at Value.metadata = 9
            v.Message(9, metadata => metadata.Message(1, data =>
            {
                data.Text(1, plugin);
                data.Bytes(2, content);
            }));
        }))));

    private static byte[] Event(double wallTime, long step, Action<ProtoWriter> body)
    {
        var writer = new ProtoWriter();
        writer.Fixed64(1, wallTime);
        if (step != 0)
        {
            writer.Varint(2, (ulong)step);
        }
        body(writer);
        return writer.ToArray();
    }

    private void Record(byte[] data)
    {
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)data.Length);
        Span<byte> crc = stackalloc byte[4];
        output.Write(length);
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Masked(length));
        output.Write(crc);
        output.Write(data);
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Masked(data));
        output.Write(crc);
    }

    /// <summary>The name TensorBoard looks for in a log folder.</summary>
    public static string FileName(double wallTime, string host) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"events.out.tfevents.{(long)wallTime}.{host}");

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
