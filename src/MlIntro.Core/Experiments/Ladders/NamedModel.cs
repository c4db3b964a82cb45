namespace MlIntro.Core.Experiments.Ladders;

/// <summary>One rung of a capacity ladder: its legend name (e.g. "Large + L2") and its network.</summary>
public sealed record NamedModel(string Name, ModelSpec Model);
