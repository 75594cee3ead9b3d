using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace NotificationExchange.Client.Services;

/// <summary>Every item of a paged listing, page after page, for the ListAll* helpers: so that a caller never writes the
/// page loop. The caller's request is not changed (a copy carries the page tokens); its page size applies to each page.</summary>
internal static class Pages
{
    public static async IAsyncEnumerable<TItem> AllAsync<TRequest, TResponse, TItem>(
        TRequest request,
        Action<TRequest, string> setPageToken,
        Func<TRequest, CancellationToken, Task<TResponse>> list,
        Func<TResponse, IEnumerable<TItem>> items,
        Func<TResponse, string> nextPageToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where TRequest : IDeepCloneable<TRequest>
    {
        var page = request.Clone();
        var token = "";
        while (true)
        {
            var response = await list(page, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(response))
            {
                yield return item;
            }
            var next = nextPageToken(response);
            if (next.Length == 0)
            {
                yield break;
            }
            // A token that does not move would list the same page for ever.
            if (next == token)
            {
                throw new InvalidOperationException($"the exchange answered page token {token} with itself as the next page");
            }
            token = next;
            setPageToken(page, token);
        }
    }
}
