using System.Text;
using MlIntro.Core.Tracking;

namespace MlIntro.Core.Tests.Tracking;

/// <summary>
/// Known answers from outside this code, so that a mistake shared by the event writer and the test's reader cannot pass:
/// CRC-32C's check value and RFC 3720 (iSCSI) section B.4's examples, and the masked CRC of a record taken from a real
/// TensorFlow event file (TensorBoard's data server, masked_crc.rs: <c>Event(file_version=b"CRC test, one two")</c>).
/// </summary>
public sealed class Crc32CTests
{
    public static TheoryData<byte[], uint> Known => new()
    {
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283u },
        { new byte[32], 0x8A9136AAu },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43u },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794Eu },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5Cu },
    };

    /// <summary>The Event record's bytes: field 3 (file_version), length 17, then the text.</summary>
    private static readonly byte[] FileVersionRecord = [0x1A, 0x11, .. Encoding.ASCII.GetBytes("CRC test, one two")];

    [Theory]
    [MemberData(nameof(Known))]
    public void Compute_KnownVector_GivesThePublishedCrc(byte[] data, uint expected)
    {
        var crc = Crc32C.Compute(data);

        Assert.Equal(expected, crc);
    }

    [Fact]
    public void Masked_RecordFromARealTensorFlowEventFile_GivesItsStoredChecksum()
    {
        var writer = Crc32C.Masked(FileVersionRecord);
        var reader = TfRecordReader.Masked(FileVersionRecord);

        Assert.Equal(0x5794D08Au, writer);
        Assert.Equal(0x5794D08Au, reader);
    }
}
