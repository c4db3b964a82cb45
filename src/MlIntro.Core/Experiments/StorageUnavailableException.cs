namespace MlIntro.Core.Experiments;

/// <summary>
/// The experiment store cannot save anything now (disk full, read-only, permissions, I/O errors). The message is one
/// sentence a user can read; the cause is the store's own exception. Reading may still work.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : this("Storage unavailable: the server cannot save runs right now; try again later.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
