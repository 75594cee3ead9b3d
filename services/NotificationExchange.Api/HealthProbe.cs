using Grpc.Health.V1;
using Grpc.Net.Client;

namespace NotificationExchange.Api;

internal static class HealthProbe
{
    public static async Task<int> RunAsync(string address)
    {
        try
        {
            using var channel = GrpcChannel.ForAddress(address);
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
            Console.WriteLine($"{address}: {reply.Status}");
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving ? 0 : 1;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"{address}: {e.Message}");
            return 1;
        }
    }
}
