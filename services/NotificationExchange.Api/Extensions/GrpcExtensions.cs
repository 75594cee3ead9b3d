using NotificationExchange.Api.Services;

namespace NotificationExchange.Api.Extensions;

internal static class GrpcExtensions
{
    public static IHostApplicationBuilder AddExchangeGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<RuleViolationInterceptor>();
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    public static WebApplication MapExchangeGrpc(this WebApplication app)
    {
        app.MapGrpcService<NotificationGrpcService>();
        app.MapGrpcService<SubscriptionGrpcService>();
        app.MapGrpcService<OperatorGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
