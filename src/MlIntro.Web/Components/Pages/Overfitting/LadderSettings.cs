using MlIntro.Core.Experiments;
using MlIntro.Core.Experiments.Ladders;

namespace MlIntro.Web.Components.Pages.Overfitting;

/// <summary>The capacity ladder's controls, and their definition both ways (a fork link fills the page).</summary>
/// <param name="Events">HIGGS training events drawn from the 9,884 that may train (the held-out 1,100 stay fixed).</param>
/// <param name="Noise">Share of the training labels flipped.</param>
/// <param name="EarlyStopping">Each model stops after <paramref name="Patience"/> epochs without a better held-out loss and keeps its best epoch's weights.</param>
public sealed record LadderSettings(int Events = 1000, double Noise = 0, int Epochs = 60, bool EarlyStopping = false, int Patience = 10)
{
    public const int MinEvents = CapacityLadder.BatchSize;
    public const int MaxEvents = 9_884;
    public const int MaxEpochs = 1000;
    public const int EventStep = 500;

    /// <summary>
    /// The training-events slider's stops: every 500 from 500, then all 9,884 (a plain step of 500 would end at 9,500).
    /// </summary>
    public static IReadOnlyList<int> EventStops { get; } =
        [.. Enumerable.Range(1, MaxEvents / EventStep).Select(i => i * EventStep), MaxEvents];

    /// <summary>The slider stop nearest to <paramref name="events"/> (a link may carry any count; the page shows it as is).</summary>
    public static int StopOf(int events) =>
        EventStops.Select((e, i) => (Distance: Math.Abs(e - events), Index: i)).MinBy(x => x.Distance).Index;

    public static LadderSettings Default { get; } = new();

    public ExperimentDefinition ToDefinition() => CapacityLadder.Definition(
        CapacityLadder.All,
        Math.Clamp(Events, MinEvents, MaxEvents),
        Math.Clamp(Noise, 0, 0.5),
        Math.Clamp(Epochs, 1, MaxEpochs),
        earlyStopping: EarlyStopping,
        patience: Math.Clamp(Patience, 1, MaxEpochs));

    public static LadderSettings FromDefinition(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var data = definition.RequiredData;
        var training = definition.RequiredTraining;
        return new LadderSettings(data.Points, data.Noise, training.Epochs, training.EarlyStopping, training.Patience);
    }
}
