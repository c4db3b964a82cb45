namespace MlIntro.Web.Store;

/// <summary>The store cannot be used at start-up; the message is one sentence naming the file or folder, the cause and the fix.</summary>
public sealed class ExperimentStoreUnusableException : Exception
{
    public ExperimentStoreUnusableException()
    {
    }

    public ExperimentStoreUnusableException(string message)
        : base(message)
    {
    }

    public ExperimentStoreUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
