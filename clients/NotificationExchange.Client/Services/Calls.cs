using Grpc.Core;
using NotificationExchange.Client.Errors;

namespace NotificationExchange.Client.Services;

/// <summary>Awaits a unary call and turns its failure into an <see cref="NxException"/> carrying what the exchange said.</summary>
internal static class Calls
{
    public static async Task<TResponse> Run<TResponse>(AsyncUnaryCall<TResponse> call)
    {
        using (call)
        {
            try
            {
                return await call.ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException error)
            {
                throw new NxException(NxError.From(error), error);
            }
        }
    }
}
