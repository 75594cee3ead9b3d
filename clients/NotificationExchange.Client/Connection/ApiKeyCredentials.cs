using Grpc.Core;

namespace NotificationExchange.Client.Connection;

/// <summary>The API key as gRPC call credentials: "authorization: Bearer KEY" on every call.</summary>
internal static class ApiKeyCredentials
{
    public static CallCredentials For(string apiKey) =>
        CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", $"Bearer {apiKey}");
            return Task.CompletedTask;
        });
}
