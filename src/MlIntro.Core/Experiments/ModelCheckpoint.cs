namespace MlIntro.Core.Experiments;

/// <summary>
/// A network's parameters after <paramref name="Epoch"/>, kept in the store so that a run whose worker died can go on
/// from there on another one: weights ([out, in] row-major) and biases of each linear layer, as frames carry them.
/// The optimizer's moments are not kept: a resumed run's optimizer starts afresh from these weights.
/// </summary>
public sealed record ModelCheckpoint(int Epoch, IReadOnlyList<float[]> Weights, IReadOnlyList<float[]> Biases);
