using Grpc.Core;

namespace NotificationExchange.Client.Errors;

/// <summary>A call of the client library failed; <see cref="Error"/> says how and whose fault it was.</summary>
public sealed class NxException(NxError error, RpcException inner) : Exception(error.Message, inner)
{
    public NxError Error { get; } = error;
}
