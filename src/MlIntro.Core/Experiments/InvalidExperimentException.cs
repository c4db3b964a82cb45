namespace MlIntro.Core.Experiments;

/// <summary>A definition that breaks the rules; <see cref="Exception.Message"/> lists every broken field.</summary>
public sealed class InvalidExperimentException : Exception
{
    public InvalidExperimentException(IReadOnlyList<string> errors)
        : base("Invalid experiment: " + string.Join(" ", errors)) => Errors = errors;

    /// <param name="innerException">What could not be read, e.g. a JsonException.</param>
    public InvalidExperimentException(IReadOnlyList<string> errors, Exception? innerException)
        : base("Invalid experiment: " + string.Join(" ", errors), innerException) => Errors = errors;

    public InvalidExperimentException()
        : this([])
    {
    }

    public InvalidExperimentException(string message)
        : this([message])
    {
    }

    public InvalidExperimentException(string message, Exception innerException)
        : base(message, innerException) => Errors = [message];

    public IReadOnlyList<string> Errors { get; }
}
