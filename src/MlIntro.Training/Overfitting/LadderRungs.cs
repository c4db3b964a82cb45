namespace MlIntro.Training.Overfitting;

/// <summary>A ladder's models, built in order and disposed together, also when building one of them fails.</summary>
internal sealed class LadderRungs : IDisposable
{
    private readonly List<LadderRung> _rungs = [];

    public LadderRungs(IEnumerable<Func<LadderRung>> builders)
    {
        try
        {
            foreach (var build in builders)
            {
                _rungs.Add(build());
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IReadOnlyList<LadderRung> All => _rungs;

    public void Dispose() => _rungs.ForEach(r => r.Dispose());
}
