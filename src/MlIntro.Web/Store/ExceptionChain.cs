namespace MlIntro.Web.Store;

internal static class ExceptionChain
{
    /// <summary>The first <typeparamref name="T"/> in <paramref name="exception"/>'s inner chain (EF Core wraps the provider's errors), or null.</summary>
    public static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
