namespace MlIntro.Core.Tracking;

/// <summary>The few protobuf wire types TensorBoard's records need: varint, 64-bit, 32-bit and length-delimited fields.</summary>
internal sealed class ProtoWriter
{
    private readonly List<byte> _buffer = [];

    public void Varint(int field, ulong value)
    {
        Tag(field, 0);
        Raw(value);
    }

    public void Fixed64(int field, double value)
    {
        Tag(field, 1);
        _buffer.AddRange(BitConverter.GetBytes(value));
    }

    public void Fixed32(int field, float value)
    {
        Tag(field, 5);
        _buffer.AddRange(BitConverter.GetBytes(value));
    }

    public void Text(int field, string value) => Bytes(field, TensorBoardWriter.Utf8(value));

    public void Bytes(int field, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Tag(field, 2);
        Raw((ulong)value.Length);
        _buffer.AddRange(value);
    }

    public void Message(int field, Action<ProtoWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var inner = new ProtoWriter();
        body(inner);
        Bytes(field, inner.ToArray());
    }

    public byte[] ToArray() => [.. _buffer];

    private void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }
        _buffer.Add((byte)value);
    }
}
