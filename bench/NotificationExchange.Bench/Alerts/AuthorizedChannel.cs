using Grpc.Core;
using Grpc.Net.Client;

namespace NotificationExchange.Bench.Alerts;

internal static class AuthorizedChannel
{
    /// <summary>A channel to <paramref name="address"/> whose every call carries <paramref name="key"/> as its bearer token.</summary>
    public static GrpcChannel For(string address, string key) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {key}");
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });
}
