using MlIntro.Core.Experiments;

namespace MlIntro.Web.Store;

/// <summary>Row of the Experiments table: the definition as JSON plus the columns that listings filter and sort on.</summary>
public sealed class ExperimentEntity
{
    public required string Id { get; set; }

    public Lesson Lesson { get; set; }

    /// <summary>Copied out of the definition so that listings need not parse JSON.</summary>
    public required string DataName { get; set; }

    public required string DefinitionJson { get; set; }

    /// <summary>Who started it: retention and quotas count per owner.</summary>
    public required string OwnerId { get; set; }

    public ExperimentStatus Status { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public List<ExperimentEventEntity> Events { get; } = [];
}
