using NotificationExchange.Api;

if (args is ["healthcheck", ..])
{
    // For container health checks: asks this host's gRPC health service, exits 0 when SERVING.
    return await HealthProbe.RunAsync(args.Length > 1 ? args[1] : "http://localhost:5170");
}

await ExchangeApplication.Build(args).RunAsync();
return 0;
