using Microsoft.AspNetCore.SignalR;
using MlIntro.Core.Experiments;

namespace MlIntro.Web.Hubs;

/// <summary>A hub stream that reports a refusal (a <see cref="HubException"/> while it is read) before passing it on.</summary>
internal sealed class RefusalLoggingStream(IAsyncEnumerable<TrainingEvent> events, Action<HubException> refused) : IAsyncEnumerable<TrainingEvent>
{
    public IAsyncEnumerator<TrainingEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(events.GetAsyncEnumerator(cancellationToken), refused);

    private sealed class Enumerator(IAsyncEnumerator<TrainingEvent> inner, Action<HubException> refused) : IAsyncEnumerator<TrainingEvent>
    {
        public TrainingEvent Current => inner.Current;

        public async ValueTask<bool> MoveNextAsync()
        {
            try
            {
                return await inner.MoveNextAsync();
            }
            catch (HubException ex)
            {
                refused(ex);
                throw;
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
