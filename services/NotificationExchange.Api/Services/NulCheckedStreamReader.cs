using Grpc.Core;

namespace NotificationExchange.Api.Services;

/// <summary>A client stream whose every message is checked for NUL characters (<see cref="NulCharacterFields"/>) as it is read.</summary>
internal sealed class NulCheckedStreamReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>
{
    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var more = await inner.MoveNext(cancellationToken);
        if (more)
        {
            NulCharacterFields.Refuse(inner.Current);
        }
        return more;
    }
}
