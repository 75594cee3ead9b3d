using Google.Protobuf;

namespace NotificationExchange.Cli.Cli;

/// <summary>Every page of one of the exchange's lists: the List calls take page_token and answer next_page_token (empty
/// on the last page), fields every such request and response declares under those names; a listing verb prints the
/// whole list.</summary>
internal static class Pages
{
    public static async Task<List<TItem>> AllAsync<TRequest, TResponse, TItem>(
        TRequest request, Func<TRequest, CancellationToken, Task<TResponse>> list, Func<TResponse, IEnumerable<TItem>> items, CancellationToken cancellationToken)
        where TRequest : IMessage
        where TResponse : IMessage
    {
        var token = request.Descriptor.FindFieldByName("page_token").Accessor;
        var all = new List<TItem>();
        string next;
        do
        {
            var page = await list(request, cancellationToken);
            all.AddRange(items(page));
            next = (string)page.Descriptor.FindFieldByName("next_page_token").Accessor.GetValue(page);
            token.SetValue(request, next);
        }
        while (next.Length > 0);
        return all;
    }
}
